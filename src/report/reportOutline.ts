import type { ReportBlock, ReportModel } from './reportModelTypes.js';

/**
 * The headings of a report, in reading order, at the level every renderer gives them: the
 * cover's title, each section (level 1, the PDF's H1 and its bookmarks), each subsection and the
 * headings among a section's own blocks (level 2), and the headings among a subsection's blocks
 * (level 3). The checklist's group titles are headings too. The PDF, the printable page and the
 * DOCX walk the same model in this order; this is the one statement of it that tests and the
 * DOCX renderer read.
 */

/** 0 is the document's title (the cover). */
export type OutlineLevel = 0 | 1 | 2 | 3;

export interface OutlineHeading {
  level: OutlineLevel;
  text: string;
}

export const outlineLevels = {
  cover: 0,
  section: 1,
  sectionBlock: 2,
  subsection: 2,
  subsectionBlock: 3,
} as const satisfies Record<string, OutlineLevel>;

/** The headings a block carries: its own text for a heading, each group's title for a checklist. */
export function blockHeadings(block: ReportBlock): string[] {
  if (block.type === 'heading') return [block.text];
  if (block.type === 'checklist') return block.groups.map((group) => group.title);
  return [];
}

function headingsOf(blocks: readonly ReportBlock[], level: OutlineLevel): OutlineHeading[] {
  return blocks.flatMap((block) => blockHeadings(block).map((text) => ({ level, text })));
}

export function reportOutline(model: ReportModel): OutlineHeading[] {
  return [
    { level: outlineLevels.cover, text: model.cover.title },
    ...model.sections.flatMap((section) => [
      { level: outlineLevels.section, text: section.title },
      ...headingsOf(section.blocks, outlineLevels.sectionBlock),
      ...section.subsections.flatMap((subsection) => [
        { level: outlineLevels.subsection, text: subsection.title },
        ...headingsOf(subsection.blocks, outlineLevels.subsectionBlock),
      ]),
    ]),
  ];
}
