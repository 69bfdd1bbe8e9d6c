/**
 * cloud-matrix in a scroll sequence: only the labs (rows of the matrix) its steps talk about, `openai` or
 * `anthropic`, each across every cloud with its path strip. A lab draws the highlights its cells answer to
 * (view.ts cellIds): the lab, the clouds' companies and every event that changed one of its cells.
 */
import { showsFrom } from '../../lib/story-show';
import type { StoryView } from '../shared/story';
import type { CloudMatrixData } from './data';
import { cellIds } from './view';

export const story: StoryView<CloudMatrixData> = {
  shows: (data) => showsFrom(data.labs.map((l) => [l.id, data.cells.filter((c) => c.lab === l.id).flatMap((c) => cellIds(data, c))])),
  select: (data, names) => ({
    ...data,
    labs: data.labs.filter((l) => names.includes(l.id)),
    cells: data.cells.filter((c) => names.includes(c.lab)),
  }),
};
