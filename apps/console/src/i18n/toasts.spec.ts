import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';

const SRC = join(__dirname, '..');

/**
 * Resource folders whose react-admin <Create> or <Edit> saves through the controller (no onSubmit of its own): the
 * controller's toast is `resources.<folder>.notifications.created|updated`, else react-admin's "Element created".
 */
function controllerSaves(kind: 'Create' | 'Edit'): string[] {
  return readdirSync(SRC).filter((folder) => {
    const dir = join(SRC, folder);
    if (!statSync(dir).isDirectory()) return false;
    return readdirSync(dir)
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .some((source) => new RegExp(`<${kind}[\\s>]`).test(source) && !source.includes('onSubmit='));
  });
}

const resources = en.resources as unknown as Record<string, { notifications?: Record<string, string> }>;

describe('toasts', () => {
  it.each(controllerSaves('Create'))('should say what %s created, not "Element created"', (resource) => {
    expect(resources[resource]?.notifications?.created).toEqual(expect.any(String));
  });

  it.each(controllerSaves('Edit'))('should say what %s updated, not "Element updated"', (resource) => {
    expect(resources[resource]?.notifications?.updated).toEqual(expect.any(String));
  });

  it('should find the forms it checks', () => {
    expect(controllerSaves('Create')).toEqual(expect.arrayContaining(['meetings', 'communities', 'contacts', 'users']));
    expect(controllerSaves('Edit')).toEqual(expect.arrayContaining(['communities', 'contacts']));
  });
});
