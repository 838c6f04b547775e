/** package.json's contributions agree with the client code, the rule set and real letters. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../../server/src/languageService';
import { readSeed, seedNames } from '../../helpers/seeds';
import { isLetterFirstLine, LETTER_FIRST_LINE } from '../../../server/src/languageService/text/firstLine';

const ROOT = resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

function clientSources(dir = join(ROOT, 'client', 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? clientSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

describe('package.json contributions', () => {
  it('declares exactly the commands the client registers', () => {
    const registered = new Set(clientSources().flatMap((src) => [...src.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1])));
    const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
    assert.ok(registered.size >= 10, `found ${registered.size} registered commands`);
    assert.deepEqual([...registered].sort(), [...declared].sort());
    for (const id of declared) assert.match(id, /^imr\./);
  });

  it('refers only to declared commands and views in menus', () => {
    const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const e of entries) assert.ok(declared.has(e.command), `${menu}: ${e.command}`);
    }
    const viewIds = Object.values(contributes.views as Record<string, Array<{ id: string }>>).flat().map((v) => v.id);
    assert.deepEqual(viewIds.sort(), ['imr.decisions', 'imr.decisionsExplorer']);
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'imr');
    assert.ok(existsSync(join(ROOT, contributes.viewsContainers.activitybar[0].icon)));
    const viewSource = clientSources().join('\n');
    for (const id of viewIds) assert.ok(viewSource.includes(`'${id}'`), `the client creates view ${id}`);
  });

  it('lists every rule of the rule set under imr.rules, with the five severities', () => {
    const rules = contributes.configuration.properties['imr.rules'];
    assert.deepEqual(Object.keys(rules.properties).sort(), RULES.map((r) => r.code).sort());
    for (const [code, prop] of Object.entries(rules.properties as Record<string, { enum: string[]; enumDescriptions: string[]; markdownDescription: string }>)) {
      assert.deepEqual(prop.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
      assert.equal(prop.enumDescriptions.length, prop.enum.length, code);
      const rule = RULES.find((r) => r.code === code)!;
      assert.ok(prop.markdownDescription.includes(`\`${rule.defaultSeverity}\``), `${code} documents its default`);
    }
  });

  it('declares the settings the server reads, with defaults', () => {
    const props = contributes.configuration.properties;
    assert.equal(props['imr.validate'].default, 'onType');
    assert.deepEqual(props['imr.validate'].enum, ['onType', 'onSave']);
    assert.equal(props['imr.validationDelay'].default, 200);
    assert.equal(props['imr.maxOutlineItems'].default, 5000);
    assert.equal(props['imr.configFile'].type, 'string');
    assert.deepEqual(props['imr.decisions.groupBy'].enum, ['letter', 'outcome', 'treatment']);
    for (const [key, prop] of Object.entries(props as Record<string, { markdownDescription?: string; description?: string; enum?: string[]; enumDescriptions?: string[] }>)) {
      assert.ok(prop.markdownDescription || prop.description, `${key} has a description`);
      if (prop.enum) assert.equal(prop.enumDescriptions?.length, prop.enum.length, `${key} describes each value`);
    }
  });

  it('recognises letters by first line: every seed and the other layouts, not ordinary text', () => {
    const firstLine = new RegExp(contributes.languages[0].firstLine);
    for (const name of seedNames()) {
      const line = readSeed(name.slice(0, 3)).split(/\r?\n/)[0];
      assert.match(line, firstLine, name);
    }
    for (const line of ['Case Number:          CM16-0213037', '\ufeffCase Number: CM15-0000001', 'MAXIMUS FEDERAL SERVICES, INC.', '   MEDICAL PROFESSIONAL REVIEW']) {
      assert.match(line, firstLine);
    }
    for (const line of ['Dear Sir or Madam,', 'Notes about the case', '']) assert.doesNotMatch(line, firstLine);
    assert.deepEqual(contributes.languages[0].extensions, ['.imr']);
  });

  it('detects .txt letters in the client with the same first-line pattern', () => {
    assert.equal(new RegExp(contributes.languages[0].firstLine).source, LETTER_FIRST_LINE.source);
    for (const name of seedNames()) assert.ok(isLetterFirstLine(readSeed(name.slice(0, 3)).split(/\r?\n/)[0]), name);
    assert.equal(isLetterFirstLine('Meeting notes, Case Number: 12'), false);
    assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'), 'the client starts when a .txt file opens');
  });

  it('activates on letters and states its workspace capabilities', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:imr'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.imr'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['imr.configFile']);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
    assert.ok(existsSync(join(ROOT, contributes.grammars[0].path)));
    JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
  });
});
