import type { MessageSection } from './types.js';

// Messages of the 'basic' area. Keys start with 'basic.' (common: 'common.' and 'wechat.').
export const messages = {} satisfies MessageSection;
