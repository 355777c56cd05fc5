import type { ReportBlock, ReportModel } from './reportModelTypes.js';

/**
 * The headings of a report, in reading order: the cover's title, each section, the headings among
 * a section's own blocks, each subsection and the headings among its blocks (the checklist's group
 * titles are headings too). The PDF, the printable page and the DOCX walk the same model in this
 * order; this is the one statement of it, which the DOCX renderer and the tests read.
 *
 * Levels are as the Word document nests them (Title, then Heading 1 to 3; the printable page is
 * the same one level down). The PDF tags the same headings, in the same order, H1 (the cover's
 * title and each section), H2 (each subsection) and H3 (every heading among blocks).
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
