// The deb's DEBIAN/control from what electron-builder asked fpm for, in Debian policy's format
// (policy 5.3 binary package control files, 5.6.13 Description). Pure.
import type { FpmDebRequest } from './fpm-args.ts';

/** Debian policy 5.6.12: `[epoch:]upstream[-revision]`, upstream starting with a digit. */
export function debVersion(version: string, iteration: string | null): string {
  return iteration ? `${version}-${iteration}` : version;
}

/** First line the synopsis; every further line indented by one space, blank lines as ` .`. */
export function descriptionField(description: string): string {
  const [first = '', ...rest] = description.split('\n');
  const more = rest.map((line) => (line.trim() === '' ? ' .' : ` ${line.trim()}`));
  return [first.trim() || 'no description given', ...more].join('\n');
}

export function controlFile(request: FpmDebRequest, installedSizeKiB: number): string {
  const field = (name: string, value: string | null) =>
    value === null || value.trim() === '' ? [] : [`${name}: ${value.replace(/\n/g, ' ')}`];
  return `${[
    ...field('Package', request.name),
    ...field('Version', debVersion(request.version, request.iteration)),
    ...field('Architecture', request.architecture),
    ...field('Maintainer', request.maintainer),
    ...field('Installed-Size', String(installedSizeKiB)),
    ...field('Depends', request.depends.join(', ')),
    ...field('Recommends', request.recommends.join(', ')),
    ...field('Section', request.category),
    ...field('Priority', request.priority),
    ...field('Homepage', request.url),
    `Description: ${descriptionField(request.description)}`,
  ].join('\n')}\n`;
}
