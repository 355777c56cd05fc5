export const questionnaireV1Messages: Readonly<Record<string, string>> = {};
