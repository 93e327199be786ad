import type { Lang } from './question.ts';

/** Built-in distractors, the last resort after the synopsis itself and other packs. */
export const NAME_POOL: readonly string[] = [
  'Marcus Reed', 'Elena Vasquez', 'Viktor Kral', 'Sophie Laurent', 'Daniel Okafor', 'Nadia Petrova', 'Tom Bishop',
  'Claire Dupont', 'Ivan Sokolov', 'Laura Mendes', 'Frank Castellano', 'Anna Weiss', 'Oliver Grant', 'Mei Lin',
  'Paul Hartmann', 'Rosa Delgado', 'Simon Hale', 'Irene Novak', 'Hugo Brandt', 'Kate Morrison', 'Leo Vance',
  'Carmen Ruiz', 'Jack Harper', 'Yuri Orlov', 'Emma Stone-Hill', 'Rafael Ortega', 'Greta Lind', 'Sam Cole',
];

export const ACTOR_POOL: readonly string[] = [
  'Matt Damon', 'Emily Blunt', 'Jeremy Renner', 'Rebecca Ferguson', 'Sean Bean', 'Jon Voight', 'Thandiwe Newton',
  'Henry Cavill', 'Vanessa Kirby', 'Alec Baldwin', 'Angela Bassett', 'Kristin Scott Thomas', 'Jean Reno',
  'Emmanuelle Béart', 'Dougray Scott', 'Anthony Hopkins', 'Paula Patton', 'Michael Nyqvist', 'Léa Seydoux',
  'Anil Kapoor', 'Sean Harris', 'Simon McBurney', 'Hayley Atwell', 'Esai Morales', 'Pom Klementieff',
];

export const CITY_POOL: Record<Lang, readonly string[]> = {
  en: ['Paris', 'London', 'Moscow', 'Prague', 'Vienna', 'Istanbul', 'Dubai', 'Mumbai', 'Tokyo', 'Cairo', 'Lisbon',
    'Madrid', 'Rome', 'Berlin', 'Shanghai', 'Budapest', 'Venice', 'Casablanca', 'Hong Kong', 'Sydney', 'Havana'],
  es: ['París', 'Londres', 'Moscú', 'Praga', 'Viena', 'Estambul', 'Dubái', 'Bombay', 'Tokio', 'El Cairo', 'Lisboa',
    'Madrid', 'Roma', 'Berlín', 'Shanghái', 'Budapest', 'Venecia', 'Casablanca', 'Hong Kong', 'Sídney', 'La Habana'],
};

export const PLACE_POOL: Record<Lang, readonly string[]> = {
  en: ['the Pentagon', 'the Kremlin', 'the Vatican', 'the White House', 'the Burj Khalifa', 'the Eiffel Tower',
    'the Louvre', 'Alcatraz'],
  es: ['el Pentágono', 'el Kremlin', 'el Vaticano', 'la Casa Blanca', 'el Burj Khalifa', 'la Torre Eiffel',
    'el Louvre', 'Alcatraz'],
};

export const ROLE_POOL: Record<Lang, readonly string[]> = {
  en: ['a retired police detective', 'a hotel manager', 'an arms dealer', 'a computer hacker', 'a journalist',
    'a bank clerk', 'a forensic scientist', 'a helicopter pilot', 'a museum curator', 'a customs officer',
    'the head of security', 'a nuclear physicist', 'a diplomat', 'a getaway driver'],
  es: ['un detective retirado', 'la directora del hotel', 'un traficante de armas', 'una pirata informática',
    'un periodista', 'una científica forense', 'el piloto de helicóptero', 'un diplomático',
    'el jefe de seguridad', 'un físico nuclear', 'una conductora de huida', 'el conservador del museo'],
};

export const RELATION_POOL: Record<Lang, readonly string[]> = {
  en: ['brother', 'mentor', 'bodyguard', 'ex-wife', 'rival', 'boss', 'cousin', 'neighbour'],
  es: ['hermano', 'mentor', 'guardaespaldas', 'exesposa', 'rival', 'jefe', 'primo', 'vecino'],
};

export const OBJECT_POOL: Record<Lang, readonly string[]> = {
  en: ['The NOC List', 'The Black Box', 'The Chimera Virus', 'The Golden Key', 'The Blue Diamond', 'The Red Ledger',
    'The Cobalt Drive', 'The Silver Compass'],
  es: ['La Lista NOC', 'La Caja Negra', 'El Virus Quimera', 'La Llave Dorada', 'El Diamante Azul',
    'El Libro Rojo', 'El Disco Cobalto', 'La Brújula de Plata'],
};
