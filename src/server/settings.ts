/**
 * The settings of a document in the language server: the client's settings
 * (`workspace/configuration`, section `newsclean`, or those it pushes with
 * `workspace/didChangeConfiguration` or gives in `initializationOptions`),
 * with the repository's config files laid over them, resolved as the CLI
 * resolves them (src/cli/config.ts: walking up from the file to the
 * repository root, `.newscleanignore` honoured). Each document's verdict is
 * kept until the settings or a config file change.
 */
import { mergeLayers, resolveSettings, settingKeys, type Settings } from '../core';
import { ConfigError, resolveConfigs, type ConfigWorld } from '../cli/config';

/** What the server needs of the machine it runs on (Node's file system; none in a browser). */
export interface ServerHost {
  /** The file system path of a document, when it has one (file: URIs). */
  pathOf(uri: string): string | undefined;
  /** Reads config files; without it, only the client's settings apply. */
  files?: Omit<ConfigWorld, 'cwd'>;
  /** The messages' translations for a locale (en, zh-cn, zh-tw), if any. */
  bundle?(locale: string): Record<string, string> | undefined;
  /** Where the rules' documentation is (the README), as a URI to which a rule's anchor is added. */
  docsUrl?: string;
}

/** How the server talks to its client about settings. */
export interface SettingsClient {
  /** The client's `newsclean` section for a document (`workspace/configuration`), when the client answers such requests. */
  ask?(uri: string): Promise<unknown>;
  warn(message: string): void;
}

export interface DocumentSettings {
  readonly settings: Settings;
  /** True when a `.newscleanignore` excludes the document: it is not checked. */
  readonly ignored: boolean;
}

/**
 * The flat setting values (`newsclean.rules.x`) of a client's `newsclean`
 * section, given nested (`{ rules: { x: "off" } }`, as VS Code and most
 * clients send it) or with dotted keys (`{ "rules.x": "off" }`).
 */
export function settingValues(section: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!section || typeof section !== 'object') return values;
  for (const key of settingKeys()) {
    const path = key.slice('newsclean.'.length);
    let value = (section as Record<string, unknown>)[path];
    if (value === undefined) {
      value = path.split('.').reduce<unknown>((o, part) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), section);
    }
    if (value !== undefined && value !== null) values[key] = value;
  }
  return values;
}

export class SettingsSource {
  /** The settings the client pushed (didChangeConfiguration, initializationOptions), used when it cannot be asked. */
  private pushed: Record<string, unknown> = {};
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  private readonly shown = new Set<string>();

  constructor(
    private readonly client: SettingsClient,
    private readonly host: ServerHost,
    /** The workspace's root folder, to which config-file problems are relative. */
    private readonly root?: string,
  ) {}

  /** The client pushed its settings (the whole settings object, or its `newsclean` section). */
  push(settings: unknown): void {
    const s = settings && typeof settings === 'object' && 'newsclean' in settings ? (settings as { newsclean: unknown }).newsclean : settings;
    this.pushed = settingValues(s);
    this.clear();
  }

  /** Forgets every document's settings (a setting or a config file changed). */
  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  for(uri: string): Promise<DocumentSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.cache.set(uri, p);
      p.catch(() => this.cache.delete(uri));
    }
    return p;
  }

  private async resolve(uri: string): Promise<DocumentSettings> {
    // What the client answers for the document, over what it pushed (clients that answer nothing give {}).
    const answer = this.client.ask ? await this.client.ask(uri) : undefined;
    const client = this.client.ask ? mergeLayers(this.pushed, settingValues(answer)) : this.pushed;
    let values = client;
    // A client that resolves the config files itself says when a `.newscleanignore` excludes the document.
    let ignored = typeof answer === 'object' && answer !== null && (answer as { $ignored?: unknown }).$ignored === true;
    const path = this.host.pathOf(uri);
    if (path !== undefined && this.host.files) {
      try {
        const run = await resolveConfigs(
          { ...this.host.files, cwd: this.root },
          [path],
          { configFiles: [], sets: {}, useConfig: true, useIgnore: true, explicit: new Set() },
          () => undefined,
        );
        ignored = run.files.length === 0;
        const files = run.values.get(path);
        // Config files over the client's settings, as in the extension.
        if (files) values = mergeLayers(client, files);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        this.warnOnce(e.message);
      }
    }
    return { settings: resolveSettings(values, (m) => this.warnOnce(m)), ignored };
  }

  private warnOnce(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.client.warn(message);
  }
}
