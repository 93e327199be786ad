import type { Messages } from './messages.ts';

/** Spanish strings (neutral, tuteo), key for key with `en`. */
export const es = {
  // Respuestas
  'answer.lockedIn': 'Respuesta fijada: **{choice}**. ¡Suerte!',
  'answer.alreadyLocked': 'Ya elegiste **{choice}**. Cuenta tu primera respuesta.',
  'answer.tooLate': 'Demasiado tarde: se acabó el tiempo para esta pregunta.',
  'answer.noOpenRound': 'Ahora mismo no hay ninguna pregunta abierta.',
  'answer.invalidChoice': 'Esa no es una de las opciones.',
  'answer.notSaved': 'No se pudo guardar tu respuesta, así que no está fijada. Vuelve a pulsar.',
  'answer.wrongChannel': 'Esa partida se juega en otro canal; responde allí.',

  // Partida
  'game.noGameRunning': 'No hay ninguna partida en este canal. Empieza una con `/trivia start`.',
  'game.alreadyRunning': 'Ya hay una partida en curso en este canal: {link}',
  'game.started':
    '{starter} ha empezado Plot Trivia: {count} preguntas de **{pack}**, {seconds} segundos cada una.',
  'game.joinPrompt': 'Pulsa **Unirme** para que las rondas te esperen, o simplemente responde.',
  'game.joinButton': 'Unirme',
  'game.joined': '¡Estás dentro! Las rondas esperarán tu respuesta.',
  'game.alreadyJoined': 'Ya estás en esta partida.',
  'game.noQuestions': 'No hay preguntas con esta configuración. Prueba otro paquete u otra dificultad.',
  'game.packDisabled': 'El paquete `{pack}` está desactivado en este servidor. Mira `/trivia packs`.',
  'game.shuttingDown': 'El bot se está reiniciando; vuelve a empezar la partida en un minuto.',
  'game.startedReply': '¡Partida iniciada! Suerte.',
  'game.stopped': 'Partida detenida.',
  'game.questionHeader': 'Pregunta {number} de {total}',
  'game.closesAt': 'Se cierra {time}',
  'game.answeredCount': 'Respuestas fijadas: {count}',

  // Solución
  'reveal.answer': 'La respuesta era **{answer}**.',
  'reveal.source': 'De la sinopsis: «{source}»',
  'reveal.optionCount': '{option}: {count}',
  'reveal.rightPlayers': 'Acertaron, del más rápido al más lento: {players}',
  'reveal.nobodyRight': 'Nadie acertó.',
  'reveal.nobodyAnswered': 'Nadie respondió.',
  'reveal.gained': '{player} +{points}',
  'reveal.closedEarly': 'Todos respondieron, así que la ronda se cerró antes.',
  'reveal.standingsTitle': 'Clasificación',
  'reveal.standingLine': '{rank}. {player}: {points} pts',
  'reveal.nextQuestionIn': 'Siguiente pregunta {time}',

  // Fin de la partida
  'end.finalStandingsTitle': 'Clasificación final',
  'end.finalLine': '{rank}. {player}: {points} pts ({correct}/{answered} aciertos)',
  'end.winner': '🏆 ¡{player} gana con {points} puntos!',
  'end.noScores': 'Fin de la partida. Esta vez nadie respondió.',
  'end.completed': 'Esa era la última pregunta. ¡Gracias por jugar!',
  'end.stoppedBy': '{user} ha detenido la partida.',
  'end.stopNotAllowed':
    'Solo {starter}, que empezó la partida, o un miembro con Gestionar servidor puede detenerla.',
  'end.idle': 'Nadie respondió {count} preguntas seguidas, así que la partida ha terminado.',
  'end.interrupted':
    'Esta partida se interrumpió (el bot se reinició o perdió su base de datos). Empieza otra con `/trivia start`.',

  // Ayuda
  'help.title': 'Cómo jugar a Plot Trivia',
  'help.howToPlay':
    'Empieza una partida con `/trivia start`. Cada pregunta sale de la sinopsis de una película y tiene cuatro opciones: pulsa la que creas correcta. Tu primer clic es tu respuesta. Una ronda termina cuando se acaba el tiempo, o antes si ya respondieron todos los que juegan.',
  'help.scoring':
    'Un acierto vale {easy} (fácil), {medium} (media) o {hard} (difícil) puntos, más hasta {bonus} extra cuanto antes respondas. Los fallos valen 0. Los empates se deciden por mejor porcentaje de aciertos y luego por quién llegó antes.',
  'help.endConditions':
    'Una partida termina tras su última pregunta, cuando quien la empezó o un moderador usa `/trivia stop`, o tras {idle} preguntas seguidas sin respuestas.',
  'help.daily':
    'Cada día hay un reto diario de {count} preguntas. Juégalo una vez, mantén tu racha y comparte tu resultado sin destripar nada.',
  'help.commands':
    '`/trivia start` empezar una partida · `/trivia stop` detenerla · `/trivia packs` ver paquetes · `/daily` jugar el reto de hoy · `/leaderboard` · `/stats`',

  // Paquetes
  'packs.title': 'Paquetes de preguntas',
  'packs.line': '**{title}** ({year}): {count} preguntas, `{id}`',
  'packs.lineNoYear': '**{title}**: {count} preguntas, `{id}`',
  'packs.empty': 'Todavía no hay paquetes de preguntas instalados.',

  // Dificultad
  'difficulty.1': 'Fácil',
  'difficulty.2': 'Media',
  'difficulty.3': 'Difícil',
  'difficulty.any': 'Cualquiera',

  // Errores
  'error.tryAgainLater': 'Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde.',
  'error.invalidOption': 'Opción `{option}` no válida: {reason}',
  'error.unknownInteraction': 'Este botón o comando ya no está activo.',
  'error.needsManageServer': 'Necesitas el permiso **Gestionar servidor** para hacer eso.',
  'error.guildOnly': 'Este comando solo funciona en un servidor.',

  // Validación de ajustes
  'settings.questionsRange': 'El número de preguntas debe ser un número entero entre {min} y {max}.',
  'settings.secondsRange': 'Los segundos por pregunta deben ser un número entero entre {min} y {max}.',
  'settings.notWholeNumber': '{field} debe ser un número entero.',
  'settings.invalidDifficulty': 'La dificultad debe ser fácil, media, difícil o cualquiera.',
  'settings.missingPack': 'Elige un paquete de preguntas.',
  'settings.unknownPack': 'Paquete de preguntas desconocido: `{pack}`. Consulta `/trivia packs`.',
  'settings.unknownTimeZone':
    'Zona horaria desconocida: `{timeZone}`. Usa un nombre IANA como `Europe/Madrid`.',
  'settings.invalidPostTime':
    'La hora de publicación debe tener el formato HH:MM de 24 horas, por ejemplo `09:00`.',
  'settings.channelNotPostable':
    'No puedo publicar en {channel}. Comprueba que puedo ver el canal y enviar mensajes e insertos allí.',
  'settings.saved': 'Ajustes guardados.',
  'settings.fieldQuestions': 'El número de preguntas',
  'settings.fieldSeconds': 'Los segundos por pregunta',

  // Clasificación y estadísticas
  'leaderboard.title': 'Clasificación: {period}',
  'leaderboard.period.day': 'hoy',
  'leaderboard.period.week': 'esta semana',
  'leaderboard.period.month': 'este mes',
  'leaderboard.period.all': 'histórica',
  'leaderboard.line': '{rank}. {player}: {points} pts',
  'leaderboard.empty': 'Nadie ha puntuado todavía en este periodo.',
  'leaderboard.yourRank': 'Vas en el puesto {rank} con {points} pts.',
  'stats.title': 'Estadísticas de {player}',
  'stats.points': 'Puntos',
  'stats.games': 'Partidas jugadas',
  'stats.answered': 'Preguntas respondidas',
  'stats.accuracy': 'Aciertos',
  'stats.accuracyValue': '{percent} %',
  'stats.bestStreak': 'Mejor racha de aciertos',
  'stats.dailyStreak': 'Racha diaria',
  'stats.bestDailyStreak': 'Mejor racha diaria',
  'stats.none': '{player} todavía no ha jugado.',
  'leaderboard.titleGlobal': 'Clasificación global: {period}',
  'leaderboard.footer': 'Página {page} de {pages} · {count} jugadores clasificados',
  'leaderboard.previous': 'Anterior',
  'leaderboard.next': 'Siguiente',
  'leaderboard.youUnranked': 'Todavía no tienes puntos en este periodo.',
  'leaderboard.notYourButtons':
    'Solo {player} puede pasar las páginas de esta clasificación. Usa `/leaderboard` para ver la tuya.',
  'stats.fastest': 'Acierto más rápido',
  'stats.seconds': '{seconds} s',
  'stats.favouritePack': 'Paquete favorito',
  'stats.noValue': 'todavía ninguno',
  'stats.dailyStreakValue': '{current} (mejor: {best})',
  'stats.scopeServer': 'En este servidor; puntos y respuestas de la temporada actual.',
  'stats.scopeGlobal': 'En todos los servidores, desde siempre.',
  'forget.confirm':
    '¿Borrar todo lo que Plot Trivia guarda sobre ti, en todos los servidores: tus respuestas, tus puntos en todas las clasificaciones (también la global), tus estadísticas y tus partidas y rachas del reto diario? No se puede deshacer.',
  'forget.confirmButton': 'Sí, borrar mis datos',
  'forget.cancelButton': 'Cancelar',
  'forget.cancelled': 'Cancelado. No se ha borrado nada.',
  'forget.done':
    'Hecho. Borrado: {answers} respuestas, {scoreTotals} entradas de clasificación, {playerStats} registros de estadísticas, {dailyEntries} partidas del reto diario, {dailyAnswers} respuestas del reto diario, {dailyStreaks} rachas diarias y {players} perfil de jugador. Si vuelves a jugar, se guardarán de nuevo tus respuestas.',
  'forget.nothing': 'No había nada guardado sobre ti. No se ha borrado nada.',
  'forget.notYourButton': 'Solo quien lo pidió puede usar estos botones.',

  // Reto diario
  'daily.announce':
    '¡Ya está aquí el reto diario #{number}: {count} preguntas, {seconds} segundos cada una! ¿Las aciertas todas?',
  'daily.playButton': 'Jugar el reto de hoy',
  'daily.alreadyPlayed': 'Ya has jugado el reto de hoy. El siguiente llega en {time}.',
  'daily.questionHeader': 'Reto #{number}, pregunta {index} de {total}',
  'daily.timeUp': '¡Se acabó el tiempo!',
  'daily.result': 'Acertaste {correct}/{total} y sumas {points} puntos.',
  'daily.streak': '🔥 Racha: {current} (mejor: {best})',
  'daily.streakLost': 'Tu racha se ha reiniciado. ¡Empieza una nueva hoy!',
  'daily.nextIn': 'Siguiente reto en {time}.',
  'daily.shareHint': 'Comparte tu resultado sin destripes:',
  'daily.notConfigured':
    'El reto diario no está configurado en este servidor. Un moderador puede activarlo con `/trivia-admin daily`.',
  'daily.resetsAt': 'Se renueva {time}.',
  'daily.notYet': 'El reto de hoy todavía no ha salido. Se publica {time}.',
  'daily.expired': 'Ese reto ya ha terminado. Usa `/daily` para jugar el de hoy.',
  'daily.unavailable': 'El reto de hoy no se puede jugar: se han retirado algunas de sus preguntas.',
  'daily.inProgress': 'Ya has empezado el reto de hoy: pulsa **Jugar** para seguir donde lo dejaste.',
  'daily.notPlayed': 'Todavía no has jugado el reto #{number} de hoy.',
  'daily.nextPostAt': 'Siguiente reto {time}.',
  'daily.correct': '¡Correcto! +{points}',
  'daily.wrong': 'Incorrecto. La respuesta era **{answer}**.',
  'daily.alreadyAnswered': 'Ya respondiste a esa pregunta. ¡No se puede volver atrás!',
  'daily.shareButton': 'Publicar mi resultado',
  'daily.revealTitle': 'Reto de ayer #{number}: las respuestas',
  'daily.revealLine': '{index}. {prompt} **{answer}**',
  'daily.topPlayersTitle': 'Mejores jugadores',
  'daily.topPlayerLine': '{rank}. {player}: {correct}/{total}, {points} pts',
  'daily.topStreaksTitle': 'Rachas más largas',
  'daily.topStreakLine': '{rank}. {player}: 🔥 {current}',
  'daily.nobodyPlayed': 'Ayer no jugó nadie. ¡Sé el primero hoy!',
  'daily.configSaved': 'Reto diario: {channel} a las {time} ({timeZone}). Próxima publicación {next}.',
  'daily.configOff': 'El reto diario está desactivado.',
  'daily.noChannel': 'Elige primero un canal para el reto diario.',
  'daily.lastError.channelMissing':
    'No se pudo publicar el último reto diario: su canal ya no existe. Elige otro con `/trivia-admin daily`.',
  'daily.lastError.forbidden':
    'No se pudo publicar el último reto diario: me faltan permisos en su canal (ver, enviar mensajes, insertar enlaces).',
  'daily.lastError.other':
    'No se pudo publicar el último reto diario ({error}). Se volverá a intentar mañana.',
  'daily.postTitle': 'Reto diario #{number}',
  'daily.closesAt': 'El tiempo se acaba {time}',
  'daily.finishedTitle': 'Reto diario #{number}: ¡hecho!',
  'daily.statusTitle': 'Tu reto diario',
  'daily.statusStreak': 'Racha',
  'daily.statusFinished': 'Ya jugaste el reto de hoy, el #{number}.',
  'daily.notStarted': 'Empieza primero el reto con su botón **Jugar el reto de hoy**.',
  'daily.noChallenge': 'Ese reto no existe en este servidor.',
  'daily.notSaved': 'No se pudo guardar tu respuesta. Vuelve a pulsar el botón.',
  'daily.invalidChoice': 'Esa no es una de las opciones.',
  'daily.notFinished': 'Termina el reto antes de compartir tu resultado.',
  'daily.sharedLine': '{player} {line}',
  'daily.lastError.gaveUp':
    'No se pudo publicar el último reto diario: Discord falló una y otra vez. Se volverá a intentar mañana.',

  // Duraciones
  'duration.hoursMinutes': '{hours} h {minutes} min',
  'duration.minutes': '{minutes} min',
  'duration.seconds': '{seconds} s',
  // Ajustes del servidor (/trivia-admin)
  'admin.title': 'Ajustes de Plot Trivia',
  'admin.language': 'Idioma',
  'admin.languageAuto': 'El idioma de Discord de cada jugador',
  'admin.languageEn': 'Inglés',
  'admin.languageEs': 'Español',
  'admin.defaults': 'Valores por defecto',
  'admin.defaultsValue': '{questions} preguntas, {seconds} s cada una, paquete: {pack}',
  'admin.packAny': 'según el idioma',
  'admin.timeZone': 'Zona horaria',
  'admin.packs': 'Paquetes activados',
  'admin.packsAll': 'Todos',
  'admin.daily': 'Reto diario',
  'admin.dailyOff': 'Desactivado',
  'admin.dailyOn': '{channel} a las {time} ({timeZone})',
  'admin.season': 'Temporada de la clasificación',
  'admin.dailyFailed': '⚠️ No se pudo publicar el último reto diario: {error}',
  'admin.resetConfirm':
    '¿Empezar una nueva temporada? La clasificación actual del servidor se archiva (no se borra) y todos empiezan desde 0.',
  'admin.resetButton': 'Sí, nueva temporada',
  'admin.cancelButton': 'Cancelar',
  'admin.resetDone': 'Hecho: ha empezado la temporada {season}.',
  'admin.cancelled': 'Cancelado. No ha cambiado nada.',
  'admin.notYourButton': 'Solo quien lo pidió puede usar estos botones.',
  'admin.packLast': 'Al menos un paquete debe seguir activado.',
  'admin.packOn': 'El paquete `{pack}` está activado.',
  'admin.packOff': 'El paquete `{pack}` está desactivado.',
  'admin.unknownLanguage': 'Idioma desconocido: `{language}`.',
} as const satisfies Messages;
