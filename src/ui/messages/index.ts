// The message catalogue: every human-facing sentence in zh and en. One section per area so that
// people working on different commands do not edit the same file; keys are unique across sections
// (a test checks it).
import type { MessageSection } from './types.js';
import { messages as common } from './common.js';
import { messages as config } from './config.js';
import { messages as http } from './http.js';
import { messages as emulator } from './emulator.js';
import { messages as errcode } from './errcode.js';
import { messages as url } from './url.js';
import { messages as inspect } from './inspect.js';
import { messages as tokens } from './tokens.js';
import { messages as basic } from './basic.js';
import { messages as listen } from './listen.js';
import { messages as cli } from './cli.js';
import { messages as jssdk } from './jssdk.js';
import { messages as proxy } from './proxy.js';
import { messages as probe } from './probe.js';

export const sections: Record<string, MessageSection> = {
  common,
  config,
  http,
  emulator,
  errcode,
  url,
  inspect,
  tokens,
  basic,
  listen,
  cli,
  jssdk,
  probe,
  proxy,
};

export const catalogue: MessageSection = Object.assign({}, ...Object.values(sections));
