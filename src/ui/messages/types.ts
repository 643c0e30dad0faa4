/** One entry of the message catalogue: the same message in both languages. `{name}` marks a parameter. */
export interface Message {
  zh: string;
  en: string;
}

export type MessageSection = Record<string, Message>;
