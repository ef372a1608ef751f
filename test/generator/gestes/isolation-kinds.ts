/** Products, sizes and prices per insulation type. */

export interface IsolationKind {
  section: string;
  material: string[];
  /** Minimum R to reach (m².K/W) and thickness range (cm). */
  minR: number;
  thickness: [number, number];
  surface: [number, number];
  supply: [number, number];
  labour: [number, number];
  label: (material: string) => string;
}

export const ISOLATION_KINDS: Record<string, IsolationKind> = {
  isolation_comble_perdu: {
    section: 'Isolation des combles perdus',
    material: [
      'laine de verre à souffler',
      'ouate de cellulose soufflée',
      'laine de roche en flocons',
    ],
    minR: 7,
    thickness: [28, 40],
    surface: [35, 120],
    supply: [8, 16],
    labour: [9, 18],
    label: (m) => `Fourniture de ${m}`,
  },
  isolation_rampants_toiture: {
    section: 'Isolation des rampants',
    material: [
      'laine de verre en rouleau',
      'panneaux de fibre de bois',
      'laine de roche semi-rigide',
    ],
    minR: 6,
    thickness: [20, 30],
    surface: [30, 90],
    supply: [18, 35],
    labour: [20, 38],
    label: (m) => `Isolation des rampants de toiture en ${m}`,
  },
  isolation_thermique_par_exterieur_ITE: {
    section: "Isolation des murs par l'extérieur",
    material: [
      'polystyrène expansé graphité',
      'laine de roche haute densité',
      'fibre de bois rigide',
    ],
    minR: 3.7,
    thickness: [14, 20],
    surface: [60, 180],
    supply: [35, 60],
    labour: [55, 95],
    label: (m) => `Fourniture isolant ${m} pour façade`,
  },
  isolation_thermique_par_interieur_ITI: {
    section: "Isolation des murs par l'intérieur",
    material: [
      'laine de verre semi-rigide',
      'polystyrène graphité doublé plâtre',
      'laine de chanvre',
    ],
    minR: 3.7,
    thickness: [12, 16],
    surface: [25, 90],
    supply: [18, 32],
    labour: [25, 45],
    label: (m) => `Doublage isolant en ${m}`,
  },
  isolation_toiture_terrasse: {
    section: 'Isolation de la toiture-terrasse',
    material: ['panneaux de polyuréthane', 'verre cellulaire', 'laine de roche compressée'],
    minR: 4.5,
    thickness: [10, 18],
    surface: [20, 110],
    supply: [30, 55],
    labour: [30, 50],
    label: (m) => `Isolation de toiture-terrasse en ${m}`,
  },
  isolation_plancher_bas: {
    section: 'Isolation du plancher bas',
    material: ['panneaux de laine de roche', 'polystyrène extrudé', 'fibre de bois'],
    minR: 3,
    thickness: [10, 16],
    surface: [30, 100],
    supply: [15, 28],
    labour: [15, 30],
    label: (m) => `Isolation en sous-face du plancher bas, ${m}`,
  },
};
