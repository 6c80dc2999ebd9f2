/** One message of the staff catalogue: a text, or its plural forms chosen by `count`. */
export type Message = string | { one: string; other: string };
