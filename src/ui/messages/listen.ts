import type { MessageSection } from './types.js';

// Messages of the 'listen' area. Keys start with 'listen.' (common: 'common.' and 'wechat.').
export const messages = {} satisfies MessageSection;
