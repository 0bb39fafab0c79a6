/** The demo Denmark of the first start: about 5 % of the 3.9 M persons aged 16–66, seed 2026. */
export const demoRegister = { persons: 195_000, from: '2021-01', to: '2025-12', seed: 2026 } as const;
/** The calendar years the demo register covers. */
export const demoYears = [2021, 2022, 2023, 2024, 2025];
