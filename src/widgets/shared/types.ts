/** The widget types live in src/lib (the frame, embeds and data files read them too); the charts import them here. */
export type * from '../../lib/widget-types';
