/**
 * Closed word lists the extractor relies on. They describe English and Spanish, not any one film:
 * titles that precede names, nouns that name a role or a relation, places anyone may know.
 */

const set = (words: string): ReadonlySet<string> =>
  new Set(
    words
      .trim()
      .split(/\s*,\s*|\s+\|\s+/)
      .filter(Boolean),
  );

/** Words (folded) stripped from the front of a character's name: "Agent", "IMF", "el agente". */
export const NAME_TITLES = set(`
agent, agents, director, directors, operations, captain, capt, detective, det, sergeant, sgt, officer, professor,
prof, dr, doctor, mr, mrs, ms, miss, sir, lord, lady, king, queen, prince, princess, president, general, colonel,
lieutenant, lt, major, commander, chief, secretary, senator, judge, inspector, special, deputy, sheriff, father,
mother, uncle, aunt, count, countess, duke, baron, emperor, empress, pope, saint, st, minister, governor, mayor,
admiral, private, corporal, marshal, ambassador, nurse, reverend, rev, mister, madame, monsieur, herr, frau,
agente, directora, doctora, dra, senor, senora, sr, sra, srta, don, dona, capitan, inspectora, presidente,
presidenta, coronel, teniente, comandante, jefe, jefa, secretario, secretaria, profesor, profesora, padre, madre,
tio, tia, rey, reina, principe, princesa, sargento, oficial, ministro, ministra, alcalde, alcaldesa, gobernador,
embajador, almirante, santo, santa, conde, condesa, duque, hermano, hermana, enfermera, enfermero, analista
`);

/** Head nouns that describe what someone is ("a hospital nurse", "el analista de inteligencia"). */
export const ROLE_HEADS = set(`
agent, analyst, director, leader, strategist, nurse, technician, detective, doctor, officer, captain, scientist,
hacker, pilot, teacher, professor, student, journalist, reporter, assassin, killer, hitman, mercenary, spy, thief,
dealer, smuggler, lawyer, judge, sheriff, secretary, president, minister, senator, soldier, sergeant, colonel,
general, commander, chief, boss, broker, billionaire, millionaire, businessman, businesswoman, engineer, expert,
specialist, operative, analyst, terrorist, criminal, gangster, mobster, informant, traitor, mole, physicist,
chemist, surgeon, psychiatrist, priest, nun, bodyguard, driver, chauffeur, butler, waiter, waitress, singer,
dancer, actor, actress, writer, novelist, painter, photographer, architect, banker, tycoon, heir, heiress, widow,
widower, orphan, veteran, inventor, arms, drug, crime, warlord, dictator, general, king, queen, prince, princess,
sniper, marine, cop, policeman, policewoman, inspector, investigator, prosecutor, attorney, senator, governor,
mayor, councillor, ambassador, diplomat, courier, fixer, forger, smuggler, handler, recruit, rookie, trainee,
crook, expatriate, prefect, owner, manager, clerk, employee, farmer, fisherman, sailor, merchant, shopkeeper,
bartender, gambler, con, conman, hunter, bounty, warden, ranger, nanny, maid, servant, teenager, boy, girl,
empleado, empleada, maestro, maestra, dueño, duena, gerente, cazador, cazadora, marinero, granjero, camionero,
prefecto, estafador, estafadora, apostador, criada, nina, nino, adolescente,
agente, analista, directora, lider, estratega, enfermera, enfermero, tecnico, tecnica, detective, doctora,
medico, medica, oficial, capitan, cientifico, cientifica, piloto, profesora, estudiante, periodista, asesino,
asesina, sicario, sicaria, mercenario, mercenaria, espia, ladron, ladrona, traficante, contrabandista, abogado,
abogada, juez, jueza, secretario, secretaria, presidente, presidenta, ministro, ministra, soldado, sargento,
coronel, comandante, jefe, jefa, multimillonario, multimillonaria, empresario, empresaria, ingeniero, ingeniera,
experto, experta, especialista, operativo, terrorista, criminal, mafioso, informante, traidor, traidora, topo,
fisico, quimico, cirujano, sacerdote, guardaespaldas, conductor, chofer, mayordomo, camarero, camarera,
cantante, bailarina, escritor, escritora, pintor, fotografo, arquitecto, banquero, heredero, heredera, viuda,
viudo, huerfano, veterano, inventor, policia, inspectora, investigador, investigadora, fiscal, embajador,
diplomatico, mensajero, falsificador, reclutador, novato, novata, hacker, dictador, capo, narcotraficante
`);

/** Nouns naming a relation to another character: "his fiancée Julia", "Ethan's protégé". */
export const RELATION_NOUNS = set(`
fiancee, fiance, wife, husband, girlfriend, boyfriend, partner, protege, mentor, friend, best, brother, sister,
son, daughter, father, mother, uncle, aunt, cousin, nephew, niece, grandfather, grandmother, boss, assistant,
colleague, ally, rival, enemy, nemesis, lover, ex, right-hand, henchman, sidekick, bodyguard, deputy, handler,
apprentice, successor, predecessor, stepfather, stepmother, stepson, stepdaughter, twin, roommate, neighbour,
neighbor, employer, employee, lieutenant, associate, accomplice, superior, subordinate, student, teacher,
prometida, prometido, esposa, esposo, marido, mujer, novia, novio, companero, companera, socio, socia,
protegido, protegida, mentor, mentora, amigo, amiga, hermano, hermana, hijo, hija, padre, madre, tio, tia, primo,
prima, sobrino, sobrina, abuelo, abuela, jefe, jefa, asistente, ayudante, colega, aliado, aliada, rival, enemigo,
enemiga, amante, mano, secuaz, guardaespaldas, aprendiz, sucesor, sucesora, gemelo, gemela, vecino, vecina,
empleado, empleada, complice, superior, alumno, alumna, maestro, maestra, lugarteniente
`);

export const POSSESSIVES = set(
  `his, her, their, its, my, our, your, su, sus, mi, mis, tu, tus, nuestro, nuestra`,
);
export const ARTICLES = set(`the, a, an, el, la, los, las, un, una, unos, unas, lo`);
export const SUBJECT_PRONOUNS =
  set(`he, she, they, it, him, her, them, his, its, their, this, that, these, those,
el, ella, ellos, ellas, esto, eso, este, esta, ese, esa, aquel, aquella, le, les, lo, los, las, la, su, sus, se,
who, which, whom, whose, quien, quienes, cual, cuales, que`);

/** Capitalised words that are never names on their own (sentence openers, calendar, demonyms). */
export const NON_NAMES = set(`
the, a, an, he, she, it, they, we, i, you, his, her, their, its, this, that, these, those, there, then, when,
while, after, before, during, as, at, in, on, of, by, for, from, with, without, to, into, onto, upon, but, and,
or, nor, so, yet, if, however, meanwhile, later, soon, finally, eventually, suddenly, back, once, now, next,
unable, using, meanwhile, although, though, because, since, until, where, who, what, why, how, neither, either,
both, all, some, one, two, three, instead, despite, also, still, even, only, just, not, no, yes, here, told,
god, monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march, april, may,
june, july, august, september, october, november, december, christmas, easter, mr, mrs, ms, dr,
el, la, los, las, un, una, unos, unas, y, o, pero, sin, con, de, del, en, por, para, que, quien, cuando,
mientras, despues, antes, durante, entonces, luego, finalmente, todo, toda, todos, una, uno, se, su, sus, le,
lo, ella, ellos, ellas, este, esta, ese, esa, aqui, alli, ahi, asi, tras, hasta, desde, sobre, pues, aunque,
lunes, martes, miercoles, jueves, viernes, sabado, domingo, enero, febrero, marzo, abril, mayo, junio, julio,
agosto, septiembre, octubre, noviembre, diciembre, navidad, dios,
american, russian, british, english, french, german, italian, spanish, chinese, japanese, korean, indian,
mexican, canadian, australian, irish, scottish, welsh, european, african, asian, arab, arabic, israeli,
iranian, iraqi, afghan, pakistani, turkish, greek, polish, swedish, norwegian, danish, dutch, belgian, swiss,
austrian, hungarian, czech, ukrainian, brazilian, argentine, colombian, cuban, soviet, nazi, middle, eastern,
western, northern, southern, latin, catholic, christian, muslim, jewish, islamic, internet, act, cold, world,
war, protocol, operation, mission, project, house
`);

/** Prepositions after which a capitalised name is most likely a place. */
export const LOCATIVE_PREPS =
  set(`in, at, to, from, into, near, across, through, outside, inside, toward, towards,
en, desde, hacia, hasta, cerca`);

export const CITIES = set(`
berlin, rome, roma, paris, london, londres, madrid, barcelona, new york, nueva york, los angeles, chicago,
boston, washington, miami, las vegas, san francisco, seattle, tokyo, tokio, beijing, pekin, shanghai, shanghái,
hong kong, moscow, moscu, saint petersburg, san petersburgo, budapest, prague, praga, vienna, viena, warsaw,
varsovia, istanbul, estambul, dubai, mumbai, bombay, delhi, cairo, el cairo, casablanca, marrakech, lisbon,
lisboa, dublin, edinburgh, amsterdam, brussels, bruselas, copenhagen, copenhague, stockholm, estocolmo, oslo,
helsinki, athens, atenas, venice, venecia, milan, milan, naples, napoles, florence, florencia, geneva,
ginebra, zurich, munich, hamburg, hamburgo, frankfurt, vatican city, ciudad del vaticano, sydney, melbourne,
toronto, montreal, vancouver, mexico city, ciudad de mexico, havana, la habana, buenos aires, rio de janeiro,
sao paulo, lima, bogota, santiago, caracas, seoul, seul, bangkok, singapore, singapur, jakarta, manila, kabul,
baghdad, bagdad, tehran, teheran, jerusalem, jerusalen, tel aviv, beirut, damasco, damascus, riyadh,
abu dhabi, karachi, kolkata, calcuta, nairobi, lagos, johannesburg, cape town, ciudad del cabo, kyiv, kiev,
minsk, belgrade, belgrado, bucharest, bucarest, sofia, zagreb, sarajevo, marseille, marsella, lyon, nice, niza,
monaco, monte carlo, belfast, glasgow, manchester, liverpool, sevilla, seville, valencia, bilbao, malaga,
granada, porto, oporto, tangier, tanger, tunis, tunez, algiers, argel, dakar, havana, panama, san juan,
new orleans, nueva orleans, philadelphia, filadelfia, detroit, dallas, houston, atlanta, denver, phoenix,
baltimore, hollywood, kiev, osaka, kyoto, macau, macao, taipei, hanoi, saigon, delhi, new delhi, nueva delhi
`);

export const COUNTRIES = set(`
united states, estados unidos, ee uu, eeuu, usa, russia, rusia, china, japan, japon, germany, alemania, france,
francia, italy, italia, spain, espana, england, inglaterra, united kingdom, reino unido, mexico, canada, brazil,
brasil, argentina, india, pakistan, iran, iraq, irak, afghanistan, afganistan, israel, egypt, egipto, morocco,
marruecos, turkey, turquia, greece, grecia, poland, polonia, ukraine, ucrania, hungary, hungria, austria,
switzerland, suiza, sweden, suecia, norway, noruega, ireland, irlanda, scotland, escocia, australia, korea,
corea, north korea, corea del norte, vietnam, thailand, tailandia, colombia, cuba, chile, peru, venezuela,
kenya, nigeria, south africa, sudafrica, syria, siria, lebanon, libano, dubai, indonesia, philippines, filipinas
`);

/** Buildings and landmarks: named places that are not cities. */
export const LANDMARKS = set(`
kremlin, white house, casa blanca, pentagon, pentagono, vatican, vaticano, eiffel tower, torre eiffel,
burj khalifa, big ben, louvre, colosseum, coliseo, alcatraz, wall street, times square, central park,
golden gate bridge, grand canyon, gran canon, buckingham palace, palacio de buckingham, red square,
plaza roja, taj mahal, great wall, gran muralla, statue of liberty, estatua de la libertad, sahara, alps,
alpes, himalaya, everest, amazon, amazonas, mediterranean, mediterraneo, atlantic, atlantico, pacific, pacifico
`);

/** Words that make a capitalised name an organisation: "Racing Club", "Acme Corporation". */
export const ORG_WORDS = set(`club, company, corporation, corp, inc, bank, agency, party, team, university,
school, academy, foundation, institute, enterprises, industries, group, league, army, navy, police, gang, cartel,
compania, empresa, banco, agencia, partido, equipo, universidad, escuela, academia, fundacion, instituto, grupo,
liga, ejercito, armada, policia, banda, cartel`);

export const ORGANISATIONS = set(`
imf, fmi, cia, fbi, nsa, mi6, mi5, kgb, fsb, nasa, interpol, nato, otan, un, onu, shield, swat, dea, atf,
mossad, spectre, scotland yard, pentagon, kremlin
`);

/** Common given names: a capitalised word found here is a person even without an "(Actor)" hint. */
export const FIRST_NAMES = set(`
james, john, robert, michael, william, david, richard, joseph, thomas, charles, daniel, matthew, anthony, mark,
paul, steven, andrew, kenneth, joshua, kevin, brian, george, edward, ronald, timothy, jason, jeffrey, ryan,
jacob, gary, nicholas, eric, jonathan, stephen, larry, justin, scott, brandon, benjamin, samuel, frank, gregory,
raymond, alexander, patrick, jack, dennis, jerry, tyler, aaron, henry, adam, peter, nathan, zachary, walter,
kyle, harold, carl, arthur, ethan, luther, owen, declan, ben, benji, max, sam, tom, harry, oliver, leo, lucas,
mary, patricia, jennifer, linda, elizabeth, barbara, susan, jessica, sarah, karen, nancy, lisa, margaret,
betty, sandra, ashley, dorothy, kimberly, emily, donna, michelle, carol, amanda, melissa, deborah, stephanie,
rebecca, laura, sharon, cynthia, kathleen, amy, shirley, angela, helen, anna, ana, brenda, pamela, nicole,
emma, samantha, katherine, christine, debra, rachel, catherine, carolyn, janet, ruth, maria, heather, diane,
virginia, julie, julia, joyce, victoria, olivia, kelly, christina, lauren, joan, evelyn, judith, megan,
cheryl, andrea, hannah, martha, jacqueline, frances, gloria, ann, teresa, kathryn, sara, janice, jean,
alice, madison, doris, abigail, julie, grace, denise, amber, marilyn, beverly, danielle, theresa, sophia,
marie, diana, brittany, natalie, isabella, charlotte, rose, alexis, kayla, lindsey, jane, claire, ilsa, rick,
juan, jose, luis, carlos, jorge, pedro, miguel, javier, manuel, antonio, francisco, pablo, diego, alejandro,
fernando, ricardo, roberto, eduardo, andres, sergio, raul, alberto, enrique, rafael, ramon, vicente, ignacio,
lucia, carmen, isabel, pilar, rosa, elena, marta, cristina, paula, sofia, valentina, camila, daniela, gabriela,
mariana, ines, beatriz, clara, alba, irene, nuria, raquel, silvia, monica, veronica, leonid, ivan, sergei,
dmitri, vladimir, nikolai, boris, yuri, natasha, olga, anya, tatiana, hans, klaus, jean, pierre, jacques,
marco, giovanni, luca, hiro, kenji, wei, li
`);

/** Units a quantity may carry, with the Spanish gender needed by "¿Cuántos/Cuántas ...?". */
export const UNITS: Readonly<Record<string, { lang: 'en' | 'es'; plural: string; feminine?: boolean }>> = {
  second: { lang: 'en', plural: 'seconds' },
  minute: { lang: 'en', plural: 'minutes' },
  hour: { lang: 'en', plural: 'hours' },
  day: { lang: 'en', plural: 'days' },
  week: { lang: 'en', plural: 'weeks' },
  month: { lang: 'en', plural: 'months' },
  year: { lang: 'en', plural: 'years' },
  people: { lang: 'en', plural: 'people' },
  man: { lang: 'en', plural: 'men' },
  agent: { lang: 'en', plural: 'agents' },
  mile: { lang: 'en', plural: 'miles' },
  dollar: { lang: 'en', plural: 'dollars' },
  floor: { lang: 'en', plural: 'floors' },
  segundo: { lang: 'es', plural: 'segundos' },
  minuto: { lang: 'es', plural: 'minutos' },
  hora: { lang: 'es', plural: 'horas', feminine: true },
  dia: { lang: 'es', plural: 'días' },
  semana: { lang: 'es', plural: 'semanas', feminine: true },
  mes: { lang: 'es', plural: 'meses' },
  ano: { lang: 'es', plural: 'años' },
  persona: { lang: 'es', plural: 'personas', feminine: true },
  hombre: { lang: 'es', plural: 'hombres' },
  agente: { lang: 'es', plural: 'agentes' },
  milla: { lang: 'es', plural: 'millas', feminine: true },
  dolar: { lang: 'es', plural: 'dólares' },
  piso: { lang: 'es', plural: 'pisos' },
};

/** Words that make a capitalised name a place: "Hill Valley", "Isla Nublar", "Chesapeake Bay Bridge". */
export const PLACE_WORDS = set(`
city, valley, island, islands, bay, beach, park, street, avenue, square, station, airport, hotel, tower, bridge,
river, lake, mountain, mountains, county, hills, springs, falls, port, harbor, harbour, desert, forest, canyon,
castle, palace, prison, base, north, south, east, west, village, town, heights, gardens, hospital, museum, sea,
ocean, gulf, coast, cape, strait, isla, islas, ciudad, valle, puerto, rio, lago, monte, montes, calle, plaza,
torre, playa, estacion, aeropuerto, castillo, palacio, carcel, base, norte, sur, este, oeste, pueblo, villa,
bahia, cabo, costa, mar, oceano, golfo, desierto, bosque, sierra, museo
`);

/** Whether a lowercase word names what someone is, also by its ending ("geneticist", "técnico"). */
export function isRoleWord(folded: string): boolean {
  return (
    ROLE_HEADS.has(folded) ||
    (/(?:ist|ian|logist|grapher|ista|logo|loga|grafo|grafa)$/.test(folded) && folded.length > 5)
  );
}
