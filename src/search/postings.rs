//! The inverted index: each term of the records with its postings, scored, grouped into the
//! term shards. The records are indexed in blocks of about the same amount of text, one
//! thread each; each block interns its own terms (a word costs one hash lookup, and a new
//! term one allocation) and lists its postings grouped by term. The blocks' vocabularies are
//! then merged and sorted, and each shard is written straight from the blocks' postings.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::records::Record;
use super::stem::stem;
use super::{FIELDS, INDEX_DIR, SHARD_BYTES, codec, words};
use crate::write::{OutputFile, Sink};

/// The weight of each field (name, aliases, body, names of what it names) and how much its
/// length counts (BM25's b). A spelling of a name the record gives counts a little less than
/// the word in its text, whatever the number of names it gives.
const WEIGHTS: [f32; FIELDS] = [10.0, 5.0, 1.0, 0.8];
const LENGTH_NORMALISATION: [f32; FIELDS] = [0.5, 0.3, 0.75, 0.0];
const K1: f32 = 1.2;
/// Scores are written as integers: the weighted frequency times this.
const SCORE_SCALE: f32 = 8.0;

/// A term's absence from a block.
const NONE: u32 = u32::MAX;

/// The length of each field of a record, in bytes (words would mean tokenising twice; the
/// ratio to the average is what counts, and it is much the same).
fn field_lengths(record: &Record) -> [u32; FIELDS] {
    std::array::from_fn(|field| record.texts(field).map(str::len).sum::<usize>() as u32)
}

/// The average length of each field, over the records that have it.
fn average_lengths(records: &[Record]) -> [f32; FIELDS] {
    let mut totals = [(0u64, 0u64); FIELDS];
    for record in records {
        for (total, length) in totals.iter_mut().zip(field_lengths(record)) {
            *total = (total.0 + u64::from(length), total.1 + u64::from(length > 0));
        }
    }
    totals.map(|(length, records)| (length as f32 / records.max(1) as f32).max(1.0))
}

/// The score of a term in a record, from how often each field holds it: BM25's term
/// frequency part for each field, weighted, summed.
fn score(counts: [u32; FIELDS], lengths: [u32; FIELDS], average: &[f32; FIELDS]) -> u16 {
    let mut sum = 0.0;
    for field in 0..FIELDS {
        let tf = counts[field] as f32;
        if tf == 0.0 {
            continue;
        }
        let b = LENGTH_NORMALISATION[field];
        let norm = 1.0 - b + b * lengths[field] as f32 / average[field];
        sum += WEIGHTS[field] * tf * (K1 + 1.0) / (tf + K1 * norm);
    }
    (sum * SCORE_SCALE).round().clamp(1.0, f32::from(u16::MAX)) as u16
}

/// The postings of one block of records, grouped by term.
struct Block {
    terms: Vec<Box<str>>,
    /// The postings of term `t` are `records[starts[t]..starts[t + 1]]`, in order, and
    /// their scores.
    starts: Vec<u32>,
    records: Vec<u32>,
    scores: Vec<u16>,
}

impl Block {
    fn postings(&self, term: u32) -> Range<usize> {
        self.starts[term as usize] as usize..self.starts[term as usize + 1] as usize
    }
}

/// Indexes `records`, whose ids start at `first`.
fn index_block(records: &[Record], first: u32, average: &[f32; FIELDS]) -> Block {
    // Each word seen to its term, the word's stem: one stemming per distinct word.
    let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut stems: FxHashMap<Box<str>, u32> = FxHashMap::default();
    // For each term: how often each field of the record being indexed holds it, and how
    // many postings it has.
    let mut counts: Vec<[u32; FIELDS]> = Vec::new();
    let mut postings_of: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    // Every posting, in order of record: its term and score (and where each record's end).
    let mut flat_terms: Vec<u32> = Vec::new();
    let mut flat_scores: Vec<u16> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(records.len());
    let mut word = String::new();
    for record in records {
        for field in 0..FIELDS {
            for text in record.texts(field) {
                words::for_each_word(text, &mut word, |w| {
                    let term = match ids.get(w) {
                        Some(&term) => term,
                        None => {
                            let stemmed = stem(w);
                            let term = match stems.get(&*stemmed) {
                                Some(&term) => term,
                                None => {
                                    let term = counts.len() as u32;
                                    stems.insert(stemmed.into(), term);
                                    counts.push([0; FIELDS]);
                                    postings_of.push(0);
                                    term
                                }
                            };
                            ids.insert(w.into(), term);
                            term
                        }
                    };
                    let count = &mut counts[term as usize];
                    if *count == [0; FIELDS] {
                        touched.push(term);
                    }
                    count[field] += 1;
                });
            }
        }
        let lengths = field_lengths(record);
        for &term in &touched {
            let count = std::mem::take(&mut counts[term as usize]);
            flat_terms.push(term);
            flat_scores.push(score(count, lengths, average));
            postings_of[term as usize] += 1;
        }
        touched.clear();
        ends.push(flat_terms.len());
    }
    // Grouped by term (a counting sort, which keeps each term's records in order).
    let mut starts = Vec::with_capacity(postings_of.len() + 1);
    let mut total = 0u32;
    starts.push(0);
    for &n in &postings_of {
        total += n;
        starts.push(total);
    }
    let mut next = starts.clone();
    let mut grouped_records = vec![0u32; flat_terms.len()];
    let mut grouped_scores = vec![0u16; flat_terms.len()];
    let mut start = 0;
    for (offset, &end) in ends.iter().enumerate() {
        let record = first + offset as u32;
        for (&term, &score) in flat_terms[start..end].iter().zip(&flat_scores[start..end]) {
            let at = &mut next[term as usize];
            grouped_records[*at as usize] = record;
            grouped_scores[*at as usize] = score;
            *at += 1;
        }
        start = end;
    }
    let mut terms: Vec<Box<str>> = vec![Box::default(); counts.len()];
    for (term, id) in stems {
        terms[id as usize] = term;
    }
    Block {
        terms,
        starts,
        records: grouped_records,
        scores: grouped_scores,
    }
}

/// The records cut into runs of about the same amount of text, a couple for each thread.
fn blocks(records: &[Record]) -> Vec<Range<usize>> {
    let total: usize = records.iter().map(Record::text_bytes).sum();
    // Not much more than 16 MB of text each, so that a block's postings take little room
    // while it is being indexed.
    let target = (total / (rayon::current_num_threads().max(1) * 2)).clamp(16 << 10, 16 << 20);
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, record) in records.iter().enumerate() {
        size += record.text_bytes();
        if size >= target {
            blocks.push(start..i + 1);
            start = i + 1;
            size = 0;
        }
    }
    if start < records.len() {
        blocks.push(start..records.len());
    }
    blocks
}

/// The first `chars` characters of `term`.
fn prefix(term: &str, chars: usize) -> &str {
    match term.char_indices().nth(chars) {
        Some((end, _)) => &term[..end],
        None => term,
    }
}

/// The longest shard key, in characters: the recursion below and the shard's file name
/// (up to seven bytes a character) stay bounded whatever words the text holds; terms that
/// share a longer prefix share a shard, however large.
const MAX_SHARD_DEPTH: usize = 6;

/// Groups `terms[range]` (sorted, sharing their first `depth` characters) into shards:
/// the whole range under its prefix if it is small enough, else by one more character.
/// `sizes` are the running totals of the terms' (estimated) sizes.
fn plan_shards(
    terms: &[&str],
    sizes: &[usize],
    range: Range<usize>,
    depth: usize,
    shards: &mut Vec<(String, Range<usize>)>,
) {
    let size = sizes[range.end] - sizes[range.start];
    if depth > 0 && (size <= SHARD_BYTES || range.len() == 1 || depth == MAX_SHARD_DEPTH) {
        shards.push((prefix(terms[range.start], depth).to_string(), range));
        return;
    }
    let mut i = range.start;
    if depth > 0 && terms[i].chars().count() == depth {
        // The prefix itself is a term (it sorts first): a shard of its own.
        shards.push((terms[i].to_string(), i..i + 1));
        i += 1;
    }
    while i < range.end {
        let key = prefix(terms[i], depth + 1);
        let end = i + terms[i..range.end].partition_point(|t| t.starts_with(key));
        plan_shards(terms, sizes, i..end, depth + 1, shards);
        i = end;
    }
}

/// The term shards of the records' index, and their keys in order.
pub(super) fn term_files(
    records: &[Record],
    sink: &Sink,
) -> anyhow::Result<(Vec<String>, Vec<OutputFile>)> {
    let average = average_lengths(records);
    let blocks: Vec<Block> = blocks(records)
        .into_par_iter()
        .map(|range| index_block(&records[range.clone()], range.start as u32, &average))
        .collect();

    // The vocabulary: every term once, and where each block's terms are in it.
    let mut vocabulary: Vec<&str> = Vec::new();
    let mut known: FxHashMap<&str, u32> = FxHashMap::default();
    let mut global_ids: Vec<Vec<u32>> = Vec::with_capacity(blocks.len());
    for block in &blocks {
        let mut ids = Vec::with_capacity(block.terms.len());
        for term in &block.terms {
            let id = *known.entry(term).or_insert_with(|| {
                vocabulary.push(term);
                vocabulary.len() as u32 - 1
            });
            ids.push(id);
        }
        global_ids.push(ids);
    }
    drop(known);
    let mut order: Vec<u32> = (0..vocabulary.len() as u32).collect();
    order.par_sort_unstable_by_key(|&id| vocabulary[id as usize]);
    let mut rank = vec![0u32; vocabulary.len()];
    for (position, &id) in order.iter().enumerate() {
        rank[id as usize] = position as u32;
    }
    let terms: Vec<&str> = order.iter().map(|&id| vocabulary[id as usize]).collect();
    // For each block, its own id of each term in sorted order (or NONE).
    let local: Vec<Vec<u32>> = global_ids
        .par_iter()
        .map(|ids| {
            let mut local = vec![NONE; terms.len()];
            for (own, &id) in ids.iter().enumerate() {
                local[rank[id as usize] as usize] = own as u32;
            }
            local
        })
        .collect();

    // What each term will take, about (the exact size would mean encoding twice).
    let mut sizes = Vec::with_capacity(terms.len() + 1);
    sizes.push(0);
    let mut total = 0;
    for (position, term) in terms.iter().enumerate() {
        let postings: usize = blocks
            .iter()
            .zip(&local)
            .filter(|(_, local)| local[position] != NONE)
            .map(|(block, local)| block.postings(local[position]).len())
            .sum();
        total += term.len() + 6 + postings * 3;
        sizes.push(total);
    }
    let mut shards = Vec::new();
    if !terms.is_empty() {
        plan_shards(&terms, &sizes, 0..terms.len(), 0, &mut shards);
    }

    let files = shards
        .par_iter()
        .map(|(key, range)| {
            let mut json = Vec::with_capacity(sizes[range.end] - sizes[range.start] + 2);
            json.push(b'{');
            for position in range.clone() {
                if position > range.start {
                    json.push(b',');
                }
                // Terms are letters and digits, postings base-64 digits: nothing to escape.
                json.push(b'"');
                json.extend_from_slice(terms[position].as_bytes());
                json.extend_from_slice(b"\":\"");
                let mut last = 0;
                for (block, local) in blocks.iter().zip(&local) {
                    let own = local[position];
                    if own == NONE {
                        continue;
                    }
                    for at in block.postings(own) {
                        let record = block.records[at];
                        codec::push_number(&mut json, record - last);
                        codec::push_number(&mut json, u32::from(block.scores[at]));
                        last = record;
                    }
                }
                json.push(b'"');
            }
            json.push(b'}');
            sink.put(OutputFile::bytes(
                format!("{INDEX_DIR}/terms/{}.json", codec::shard_file(key)),
                json,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok((shards.into_iter().map(|(key, _)| key).collect(), files))
}
