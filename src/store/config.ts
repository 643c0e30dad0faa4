// Settings: named profiles of credentials and callback settings, in config.json (mode 0600).
import { ConfigError, UsageError } from '../errors.js';
import {
  ACCOUNT_TYPES,
  isAccountType,
  isAppid,
  isCallbackDomain,
  isHttpUrl,
  isProfileName,
  isSecret,
} from '../core/validate.js';
import { isRegion, REGIONS } from '../core/endpoints.js';
import { JsonFile } from './files.js';
import { PROFILE_KEYS, type ConfigField, type ProfileData } from './resolve.js';

interface ConfigFile {
  currentProfile?: string;
  profiles?: Record<string, ProfileData>;
}

export function isConfigField(key: string): key is ConfigField {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

/** Validation on write: refuse values WeChat would never accept, explaining the expected shape. */
export function validateValue(key: ConfigField, value: string): string {
  const ok = (() => {
    switch (key) {
      case 'type':
        return isAccountType(value);
      case 'appid':
        return isAppid(value);
      case 'secret':
        return isSecret(value);
      case 'domain':
        return isCallbackDomain(value);
      case 'redirectUri':
      case 'apiBase':
      case 'openBase':
      case 'backupApiBase':
        return isHttpUrl(value);
      case 'region':
        return isRegion(value);
    }
  })();
  if (!ok) {
    throw new UsageError(
      { key: `config.invalid.${key}`, params: { value: key === 'secret' ? '' : value } },
      {
        hint: {
          key: `config.invalid.${key}.hint`,
          params: { types: ACCOUNT_TYPES.join(', '), regions: Object.keys(REGIONS).join(', ') },
        },
      },
    );
  }
  return key === 'appid' ? value.toLowerCase() : value;
}

export function validateProfileName(name: string): string {
  if (!isProfileName(name)) {
    throw new UsageError({ key: 'config.profile.badName', params: { name } }, { hint: { key: 'config.profile.badName.hint' } });
  }
  return name;
}

export class ConfigStore {
  private constructor(private readonly file: JsonFile<ConfigFile>) {}

  static open(dir: string): ConfigStore {
    return new ConfigStore(new JsonFile<ConfigFile>(dir, 'config'));
  }

  get path(): string {
    return this.file.path;
  }

  private read(): ConfigFile {
    return this.file.read();
  }

  private update(mutate: (file: ConfigFile) => void): void {
    this.file.update(mutate);
  }

  profiles(): Record<string, ProfileData> {
    return { ...(this.read().profiles ?? {}) };
  }

  currentProfile(): string | undefined {
    return this.read().currentProfile;
  }

  getProfile(name: string): ProfileData | undefined {
    return this.read().profiles?.[name];
  }

  setValues(profile: string, values: Partial<ProfileData>): void {
    validateProfileName(profile);
    this.update((file) => {
      file.profiles ??= {};
      file.profiles[profile] = { ...(file.profiles[profile] ?? {}), ...values };
      file.currentProfile ??= profile;
    });
  }

  unsetValue(profile: string, key: ConfigField): boolean {
    let removed = false;
    this.update((file) => {
      const data = file.profiles?.[profile];
      if (data && key in data) {
        delete data[key];
        removed = true;
      }
    });
    return removed;
  }

  useProfile(name: string): void {
    if (!this.getProfile(name)) {
      throw new ConfigError(
        { key: 'config.profile.unknown', params: { profile: name } },
        { hint: { key: 'config.profile.unknown.hint', params: { profiles: Object.keys(this.profiles()).join(', ') || '-' } } },
      );
    }
    this.update((file) => {
      file.currentProfile = name;
    });
  }

  removeProfile(name: string): void {
    if (!this.getProfile(name)) {
      throw new ConfigError(
        { key: 'config.profile.unknown', params: { profile: name } },
        { hint: { key: 'config.profile.unknown.hint', params: { profiles: Object.keys(this.profiles()).join(', ') || '-' } } },
      );
    }
    this.update((file) => {
      delete file.profiles?.[name];
      if (file.currentProfile === name) delete file.currentProfile;
    });
  }
}
