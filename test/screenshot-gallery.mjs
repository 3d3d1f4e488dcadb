#!/usr/bin/env node
// Writes artifacts/screenshots/index.html: every screenshot `pnpm test` took (each widget story and each demo
// page, light, dark, German and Japanese) on one page, grouped, so a designer reviews them without running
// anything. Prints how many it found; fails when a group is missing.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../artifacts/screenshots/', import.meta.url).pathname;
const escapeHtml = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

const sections = ['demo', 'widgets'].map((folder) => {
  const files = readdirSync(join(root, folder))
    .filter((file) => file.endsWith('.png'))
    .sort();
  if (files.length === 0) throw new Error(`no screenshots in artifacts/screenshots/${folder}`);
  // `<subject>--<variant>.png`: the variants of one subject side by side.
  const subjects = new Map();
  for (const file of files) {
    const subject = file.slice(0, file.lastIndexOf('--'));
    subjects.set(subject, [...(subjects.get(subject) ?? []), file]);
  }
  const rows = [...subjects].map(
    ([subject, shots]) =>
      `<section><h3>${escapeHtml(subject)}</h3><div class="row">${shots
        .map((shot) => {
          const variant = shot.slice(shot.lastIndexOf('--') + 2, -4);
          return `<figure><a href="${folder}/${escapeHtml(shot)}"><img loading="lazy" src="${folder}/${escapeHtml(shot)}" alt="${escapeHtml(`${subject}, ${variant}`)}"></a><figcaption>${escapeHtml(variant)}</figcaption></figure>`;
        })
        .join('')}</div></section>`,
  );
  console.log(`screenshots: ${files.length} in ${folder}/ (${subjects.size} subjects)`);
  return `<h2>${folder === 'demo' ? 'Demo pages' : 'Widget stories'}</h2>${rows.join('\n')}`;
});

writeFileSync(
  join(root, 'index.html'),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>creditkit screenshots</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}.row{display:flex;gap:1rem;overflow-x:auto}figure{margin:0}img{max-width:22rem;border:1px solid #d9dde3}h3{font-size:.9rem;margin:1.5rem 0 .5rem}</style>
<h1>creditkit screenshots</h1>${sections.join('\n')}</html>\n`,
);
