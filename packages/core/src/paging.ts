/** Every list of the API pages by this many items. */
export const PAGE_SIZE = 10;
