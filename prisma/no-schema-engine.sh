#!/bin/sh
# Stands in for Prisma's native schema engine, which its CLI would otherwise download on every command.
# generate/validate/format never run it; commands that need it get this clear message instead of a hang.
echo "Plot Trivia: the native Prisma schema engine is not used here. Apply migrations with 'npm run db:migrate'" >&2
echo "and create them with 'npm run db:diff -- <name>'. To use the native CLI, unset PRISMA_SCHEMA_ENGINE_BINARY." >&2
exit 1
