// Text from the input (role names, labels, expressions) is printed without control characters: a
// configuration could otherwise move the cursor, recolour or rewrite a reviewer's terminal, or hide
// text behind bidirectional overrides. Each such character becomes a visible `\u{...}` escape.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export const printable = (text: string): string => text.replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
