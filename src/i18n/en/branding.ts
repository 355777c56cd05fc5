/** The consultant firm's name and logo: the page that sets them, and the report's wording for them. */
export const brandingMessages: Readonly<Record<string, string>> = {
  'branding.report.preparedBy': 'Prepared by {firm}',
};
