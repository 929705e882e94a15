// @npmcli/config ships no types; these are the parts npm-config.ts uses, as npm's own CLI calls them.
declare module "@npmcli/config" {
  export default class Config {
    constructor(options: {
      npmPath: string;
      definitions: Record<string, unknown>;
      flatten: (obj: Record<string, unknown>, flat?: Record<string, unknown>) => Record<string, unknown>;
      nerfDarts?: string[];
      shorthands: Record<string, string[]>;
      argv?: string[];
      env?: NodeJS.ProcessEnv;
      cwd?: string;
      warn?: boolean;
    });
    load(): Promise<void>;
    readonly flat: Record<string, unknown>;
  }
}

declare module "@npmcli/config/lib/definitions/index.js" {
  // a CommonJS module.exports object; Node's named-export detection does not see its keys
  const npmDefinitions: {
    definitions: Record<string, unknown>;
    flatten: (obj: Record<string, unknown>, flat?: Record<string, unknown>) => Record<string, unknown>;
    nerfDarts: string[];
    shorthands: Record<string, string[]>;
  };
  export default npmDefinitions;
}
