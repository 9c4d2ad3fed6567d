import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/**
 * Finds skills by their own name or by their field's: typing 防災 lists every disaster-prevention skill,
 * typing 応急 lists first aid under it. (Mantine's own filter looks at the skills' names only.)
 */
export const skillOrFieldFilter: OptionsFilter = ({ options, search, limit }) => {
  const wanted = search.trim().toLowerCase();
  const matches = (text: unknown) => typeof text === 'string' && text.toLowerCase().includes(wanted);
  const found: ComboboxParsedItem[] = [];
  let count = 0;
  for (const option of options) {
    if (count >= limit) break;
    const items =
      'group' in option
        ? matches(option.group)
          ? option.items
          : option.items.filter((item) => matches(item.label))
        : [option].filter((item) => matches(item.label));
    const kept = items.slice(0, limit - count);
    if (kept.length === 0) continue;
    count += kept.length;
    found.push(...('group' in option ? [{ group: option.group, items: kept }] : kept));
  }
  return found;
};
