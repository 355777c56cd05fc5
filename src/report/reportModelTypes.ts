import type { Band } from '../scoring/types.js';

/**
 * The report as data: everything the PDF renderer and the printable HTML view draw, with every
 * string already worded, formatted and dated. Both renderers only lay it out, so the PDF and the
 * HTML always say the same thing. Plain JSON-like data: it crosses to the render worker by
 * structured clone.
 */

export interface Fact {
  label: string;
  value: string;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the columns of a table add up to 1. */
  width: number;
}

export interface TableCell {
  text: string;
  /** A second, smaller line under the text. */
  sub?: string;
  /** Shades the cell in the colour of a risk band. */
  band?: Band;
  strong?: boolean;
}

export interface HeatMapCell {
  band: Band;
  score: number;
  /** The register references of the scenarios in the cell, e.g. "R1, R3"; empty when none. */
  refs: string;
  /** What the cell says, in words, for screen readers and the HTML title. */
  description: string;
}

export interface HeatMapRow {
  /** Likelihood label, e.g. "5 Almost certain". */
  label: string;
  cells: HeatMapCell[];
}

export interface ChecklistItem {
  text: string;
  /** Pillar and the scenarios the action treats. */
  detail: string;
  priority: string;
  band: Band;
  /** Register references of the scenarios it treats, printed under the priority (2.0 on). */
  treats?: string;
  /** Who does it, and by when (questionnaire 2.0 on); empty columns are left to fill in by hand. */
  owner?: string;
  due?: string;
  /** The action plan's status when work has started ("In progress", "Done"); printed under the due date. */
  status?: string;
}

export interface ChecklistGroup {
  title: string;
  items: ChecklistItem[];
}

export interface EntryDetail {
  label: string;
  text: string;
}

export interface Entry {
  term: string;
  details: EntryDetail[];
}

export type ReportBlock =
  | { type: 'paragraph'; text: string; style: 'lead' | 'body' | 'muted' }
  | { type: 'heading'; text: string }
  | { type: 'facts'; rows: Fact[] }
  /** A rating in its band's colour; `compact` sets label and value on one line. */
  | { type: 'rating'; label: string; value: string; band: Band; text: string; compact?: boolean }
  | { type: 'list'; ordered: boolean; items: string[] }
  /** Steps to tick off: drawn with an empty checkbox each. */
  | { type: 'steps'; items: string[] }
  /** `dense`: smaller type for long reference tables (the answers in the appendix). */
  | { type: 'table'; columns: TableColumn[]; rows: TableCell[][]; dense?: boolean }
  | {
      type: 'checklist';
      headers: { done: string; action: string; priority: string; owner: string; due: string };
      groups: ChecklistGroup[];
    }
  | {
      type: 'heatMap';
      /** Describes the whole matrix in words (the figure's alternate text). */
      description: string;
      likelihoodAxis: string;
      impactAxis: string;
      /** Likelihood 5 (top) down to 1. */
      rows: HeatMapRow[];
      /** Impact 1 (left) to 5. */
      columnLabels: string[];
      legend: { band: Band; label: string }[];
      /** What the references in the cells stand for. */
      key: string;
    }
  | { type: 'entries'; items: Entry[] }
  | { type: 'callout'; text: string; tone: 'info' | 'warning' };

export interface ReportSubsection {
  id: string;
  title: string;
  /** Starts on a new page in print (each contingency plan does, so it can be pinned up alone). */
  newPage: boolean;
  blocks: ReportBlock[];
}

export interface ReportSection {
  /** Also the HTML anchor. */
  id: string;
  title: string;
  blocks: ReportBlock[];
  subsections: ReportSubsection[];
}

export interface ReportCover {
  kicker: string;
  title: string;
  company: string;
  facts: Fact[];
  rating: { label: string; value: string; band: Band };
  notice: string;
}

export interface ReportModel {
  /** BCP 47 language of the wording. */
  lang: string;
  /** The company name as typed (no added break opportunities): for the download file name. */
  companyName: string;
  /** The issue time (ISO 8601): the PDF's creation and modification date. */
  issuedAtIso: string;
  documentInfo: { title: string; author: string; subject: string; keywords: string; creator: string };
  /** Running header: company on the left, report date on the right. */
  header: { left: string; right: string };
  /** Footer: report ID on the left; the page number template with {page} and {pages}. */
  footer: { left: string; pageTemplate: string };
  /**
   * Labels the renderers need around the content. `preparedByFirm`: the branded cover's "Prepared
   * by {firm}", the firm's name filled in by the renderer from the report's branding.
   */
  labels: { contents: string; cover: string; preparedByFirm?: string };
  cover: ReportCover;
  sections: ReportSection[];
}
