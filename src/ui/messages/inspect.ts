import type { MessageSection } from './types.js';

// Messages of the 'inspect' area. Keys start with 'inspect.' (common: 'common.' and 'wechat.').
export const messages = {} satisfies MessageSection;
