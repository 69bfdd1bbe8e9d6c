/** The frontmatter every chapter must carry: for readers (dek, summary, takeaways) and for teachers (goals, questions). */
import { z } from 'astro/zod';
import { idSchema, isoDateSchema } from './factbase/schema';
import { WIDGET_IDS } from './widgets';

export const chapterSchema = z
  .object({
    title: z.string().min(1),
    slug: idSchema,
    order: z.number().int().min(1),
    dek: z.string().min(1),
    period: z.object({ start: isoDateSchema, end: isoDateSchema }),
    summary: z.string().min(1),
    takeaways: z.array(z.string().min(1)).length(3),
    published: isoDateSchema,
    updated: isoDateSchema,
    goals: z.array(z.string().min(1)).min(2),
    questions: z.array(z.string().min(1)).min(3).max(5),
    /** The chart that stands for the chapter in oEmbed and social cards. */
    leadWidget: z.enum(WIDGET_IDS),
  })
  .refine((c) => c.period.start <= c.period.end, { message: 'period ends before it starts', path: ['period', 'end'] })
  .refine((c) => c.published <= c.updated, { message: 'updated is before published', path: ['updated'] });

export type ChapterMeta = z.infer<typeof chapterSchema>;
