/** Compare shows at most this many models at once (the screen fits them; the core refuses more). */
export const maxComparePanes = 8;
