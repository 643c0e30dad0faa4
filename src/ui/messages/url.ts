import type { MessageSection } from './types.js';

// Messages of the 'url' area. Keys start with 'url.' (common: 'common.' and 'wechat.').
export const messages = {} satisfies MessageSection;
