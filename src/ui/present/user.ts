// wxauth user: the follower record on stdout, what a missing field means on stderr, one --json
// document, or WeChat's body with --raw.
import type { ApiResponse } from '../../http/client.js';
import type { CgiUserInfoResponse } from '../../http/api.js';
import { joinList } from '../i18n.js';
import type { Output } from '../output.js';
import { formatTime } from './basic-common.js';

export interface UserCommandResult {
  appid: string;
  response: ApiResponse<CgiUserInfoResponse>;
  raw: boolean;
  /** The profile is a website app (网站应用): it has no followers, so subscribe says nothing of its users. */
  websiteApp: boolean;
}

export function present(result: UserCommandResult, out: Output): void {
  const user = result.response.data;
  out.result({ appid: result.appid, user });
  if (result.raw) out.raw(result.response.raw);

  const following = Number(user.subscribe) === 1;
  out.fields([
    ['openid', user.openid],
    ['subscribe', out.t('basic.user.valueNote', { value: String(user.subscribe), note: { key: following ? 'basic.user.follows' : 'basic.user.notFollowing' } })],
    ['subscribe_time', user.subscribe_time ? out.t('basic.user.valueNote', { value: formatTime(user.subscribe_time * 1000), note: String(user.subscribe_time) }) : undefined],
    ['unionid', user.unionid],
    ['remark', user.remark === undefined ? undefined : user.remark === '' ? out.t('basic.user.empty') : user.remark],
    ['tagid_list', user.tagid_list === undefined ? undefined : user.tagid_list.length > 0 ? joinList(out.lang, user.tagid_list.map(String)) : out.t('basic.user.empty')],
    ['groupid', user.groupid === undefined ? undefined : String(user.groupid)],
    ['language', user.language || undefined],
    ['subscribe_scene', user.subscribe_scene],
    ['qr_scene', user.qr_scene === undefined || user.qr_scene === 0 ? undefined : String(user.qr_scene)],
    ['qr_scene_str', user.qr_scene_str || undefined],
  ]);
  // "Never followed, or unfollowed" would send a website app's developer looking for a follow that cannot be.
  if (result.websiteApp) {
    out.warning('basic.user.websiteApp', out.t('basic.user.websiteApp', { appid: result.appid }));
    return;
  }
  if (!following) {
    out.note(out.t('basic.user.subscribe0'));
    return;
  }
  // The question this endpoint is asked most since WeChat's notice on its doc page ("2021年12月27日之后，不再
  // 输出头像、昵称信息", Get_users_basic_information_UnionID); /sns/userinfo kept them (community answer
  // 000e6e4ce14ed88ef85d1f1435b400).
  out.note(out.t('basic.user.noNickname'));
  if (user.unionid === undefined) out.note(out.t('basic.user.noUnionid'));
}
