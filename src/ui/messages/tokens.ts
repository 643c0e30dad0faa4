import type { MessageSection } from './types.js';

// Messages of the 'tokens' area. Keys start with 'tokens.' (common: 'common.' and 'wechat.').
export const messages = {} satisfies MessageSection;
