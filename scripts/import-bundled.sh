#!/usr/bin/env bash
# Rebuilds the bundled collection's documents in content/documents/, and the registry
# entries seeded from the book's back matter in content/people/, content/events/ and
# content/terms/, from the source texts kept in tests/sources/, with `annals import`. Run
# from the repository's root:
#
#   scripts/import-bundled.sh                       # with `cargo run --release`
#   ANNALS=target/debug/annals OUT=/tmp/docs REGISTRY_OUT=/tmp/content scripts/import-bundled.sh
#
# The registry import writes only its own files; hand-written entries beside them stay.
# The editors' corrections of each source's transcription errors are in
# tests/sources/corrections/ (one TOML file a source), written in as emendations.
#
# The summaries are the editors' own; everything else is the sources' provenance (see
# tests/sources/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

ANNALS=${ANNALS:-"cargo run --quiet --release --"}
OUT=${OUT:-content/documents}
REGISTRY_OUT=${REGISTRY_OUT:-content}
SOURCES=tests/sources

$ANNALS import "$SOURCES/avrich-1984-miasnikov-and-the-workers-group.txt" \
  --into "$OUT/avrich-1984" \
  --corrections "$SOURCES/corrections/avrich-1984-miasnikov-and-the-workers-group.toml" \
  --title "Bolshevik Opposition to Lenin: G. T. Miasnikov and the Workers' Group" \
  --authors "Paul Avrich" \
  --date 1984 \
  --publication "The Russian Review, vol. 43 (1984), pp. 1–29. The article's first part, to its “Next Section”." \
  --rights "In copyright (The Russian Review, 1984); reproduced as a source document of this collection." \
  --missing-notes "the OCR transcription kept the note markers but not the notes" \
  --summary "Paul Avrich's account of Gavriil Miasnikov, the Perm metalworker who turned the revolution's promise of workers' democracy against the party that made it: his demand for freedom of the press for workers, his expulsion in 1922 after an exchange of letters with Lenin, and the founding of the Workers' Group and its manifesto in 1923. The transcription is OCR text with its errors; its note markers survive but the notes themselves do not."

$ANNALS import "$SOURCES/wikipedia-workers-group.txt" \
  --into "$OUT/wikipedia-workers-group" \
  --corrections "$SOURCES/corrections/wikipedia-workers-group.toml" \
  --title "Workers' Group of the Russian Communist Party" \
  --authors "Wikipedia contributors" \
  --publication "“Workers' Group of the Russian Communist Party”, English Wikipedia." \
  --url "https://en.wikipedia.org/wiki/Workers%27_Group_of_the_Russian_Communist_Party" \
  --rights "CC BY-SA 4.0 (Wikipedia contributors)" \
  --summary "The encyclopedia's overview of the Workers' Group: its origins in Miasnikov's break with the party leadership, its 1923 manifesto against the bureaucracy and the NEP, the arrests of September 1923, its relations with the other oppositions and with the German KAPD, and its traces into the 1930s. Its short citations point to the works in its bibliography, Avrich's article among them."

$ANNALS import "$SOURCES/olivier-2010-bolshevik-left-and-workers-power.txt" \
  --into "$OUT/olivier-2010" \
  --corrections "$SOURCES/corrections/olivier-2010-bolshevik-left-and-workers-power.toml" \
  --title "The Bolshevik Left and Workers' Power" \
  --authors "Michel Olivier" \
  --date 2010-08-12 \
  --publication "English translation, published 12 August 2010, of the “Présentation” to Michel Olivier, La Gauche bolchevique et le pouvoir ouvrier 1919–27." \
  --missing-notes "the transcription of the translation kept the note markers but not the notes" \
  --name "Smirnov=person:smirnov-v-m" \
  --summary "An introduction to the documents of the communist left in Russia, from the Democratic Centralists and the Workers' Opposition of 1919–1921 through the clandestine groups of the 1920s to the prisons and camps of the 1930s. It argues that these oppositions, defeated at the time, asked the right questions about who holds power in a workers' state. The translation's note markers survive; the notes do not."

$ANNALS import "$SOURCES/rogovin-was-there-an-alternative-1923-1927.txt" \
  --into "$OUT/rogovin-1992" --split chapters \
  --corrections "$SOURCES/corrections/rogovin-was-there-an-alternative-1923-1927.toml" \
  --omit "Glossary of Abbreviations and Terms" \
  --omit "Dates of Party Congresses, Conferences, and Comintern Congresses" \
  --omit "Selected Biographical Notes¹" \
  --title "Was There an Alternative? 1923–1927. Trotskyism: A Look Back Through the Years" \
  --authors "Vadim Z. Rogovin" \
  --date 1992 \
  --translator "Frederick Choate" \
  --publication "Vadim Z. Rogovin, Was There an Alternative? 1923–1927. Trotskyism: A Look Back Through the Years, translated by Frederick Choate, Oak Park, Michigan: Mehring Books, 2021. Russian original: Была ли альтернатива? «Троцкизм»: Взгляд через годы, Moscow: Terra, 1992." \
  --rights "© 2021 Mehring Books. All rights reserved." \
  --uncited-notes "the book prints this note, but its marker is not in the chapter's text" \
  --unlinked-name Smirnov \
  --summary "The first volume of Rogovin's history of the opposition to Stalinism: the Left Opposition from its birth in 1923 to the expulsions of 1927, told from the party's own records opened after 1989. Each chapter keeps its notes, many citing Russian archives and Lenin's works in both the Russian and the English editions. The book's glossary, its dates of congresses and its biographical notes seed the collection's registry."

$ANNALS import "$SOURCES/rogovin-was-there-an-alternative-1923-1927.txt" \
  --registry --into "$REGISTRY_OUT" \
  --authors "Vadim Z. Rogovin" \
  --title "Was There an Alternative? 1923–1927"
