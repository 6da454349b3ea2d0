// Jest's globalSetup runs outside the module mapper: resolve the @rd/* aliases from tsconfig.base.json here.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: root, paths: compilerOptions.paths });
