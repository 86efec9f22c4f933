//! The reader's views across the library read through the store (`store::board`): the rows a
//! filter keeps, in each order, are those `brief commitments` and `brief timeline` derive from
//! the files, and the chart's counts are theirs.

mod common;

use brief::Library;
use brief::across::{self, Placed, timeline, tracker};
use brief::date::Date;
use brief::model::Status;
use brief::store::Store;
use brief::store::board::{PAGE, Picked};

fn library() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for name in ["geneva.toml", "london.toml"] {
        std::fs::copy(common::root().join("tests/fixtures/across").join(name), lib.join(name)).unwrap();
    }
    // The curated briefings too: more commitments, and events with partial dates. The curated
    // `london-talks` comes first in path order, so the fixture's file of that id is refused,
    // and its rows, which the store keeps, must be left out.
    for name in ["london-talks.toml", "background/chip-export-controls.toml", "background/rare-earth-supply.toml"] {
        let to = lib.join("curated").join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(common::root().join("briefings").join(name), to).unwrap();
    }
    (dir, lib)
}

/// The library, its store brought up to date, the files it refuses, and the library loaded from
/// the files.
fn opened() -> (tempfile::TempDir, std::path::PathBuf, Store, Vec<Vec<u8>>, brief::Loaded) {
    let (dir, lib) = library();
    let mut store = Store::open_in(&dir.path().join("cache"), &lib).unwrap();
    let fresh = store.refresh(&lib).unwrap();
    let refused = store.listing(&lib, &fresh).unwrap().refused(&lib);
    assert_eq!(refused, [b"london.toml".to_vec()]);
    let loaded = Library::load(std::slice::from_ref(&lib));
    (dir, lib, store, refused, loaded)
}

/// Each row's briefing and item.
fn places<T: Placed + Clone>(rows: &[T]) -> Vec<(String, String)> {
    rows.iter().map(|r| r.clone().at_mut().clone()).map(|at| (at.briefing, at.item)).collect()
}

#[test]
fn picked_commitments_are_the_tracker_s_rows_in_every_order_and_filter() {
    let (_dir, lib, store, refused, loaded) = opened();
    let all: Vec<tracker::Tracked> =
        loaded.library.briefings().iter().flat_map(|b| tracker::of(b, &across::file_below(&lib, &b.path))).collect();
    assert!(all.len() > 15, "{}", all.len());
    let today = Date::parse("2025-09-01").unwrap();
    let day = |s: &str| Date::parse(s);
    let filters = [
        tracker::Filter::default(),
        tracker::Filter { open: true, ..Default::default() },
        tracker::Filter { overdue: true, ..Default::default() },
        tracker::Filter { parties: vec!["us".into()], ..Default::default() },
        tracker::Filter { parties: vec!["US and China".into(), "china".into()], ..Default::default() },
        tracker::Filter { statuses: vec![Status::Pending, Status::Disputed], ..Default::default() },
        tracker::Filter { tags: vec!["Trade".into(), "geneva".into()], ..Default::default() },
        tracker::Filter { due_from: day("2025-06-01"), due_to: day("2025-08-31"), ..Default::default() },
    ];
    for filter in &filters {
        for sort in [tracker::Sort::Due, tracker::Sort::Status, tracker::Sort::Briefing] {
            let mut expected: Vec<tracker::Tracked> = all.iter().filter(|t| filter.keeps(t, today)).cloned().collect();
            tracker::sort(&mut expected, sort);
            let picked = store.pick_commitments(filter, today, sort, &refused).unwrap();
            let rows: Vec<tracker::Tracked> = store.rows_by_id(&picked.ids(0, picked.total)).unwrap().into_iter().map(|(_, t)| t).collect();
            assert_eq!(places(&rows), places(&expected), "{filter:?} {sort:?}");
            assert_eq!(rows, expected, "whole rows, the file named: {filter:?} {sort:?}");
            assert_eq!(picked.statuses, tracker::by_status(&expected), "{filter:?}");
        }
    }
}

#[test]
fn picked_events_are_the_timeline_s_rows_with_their_months_counted() {
    let (_dir, lib, store, refused, loaded) = opened();
    let all: Vec<timeline::Dated> =
        loaded.library.briefings().iter().flat_map(|b| timeline::of(b, &across::file_below(&lib, &b.path))).collect();
    let day = |s: &str| Date::parse(s);
    for filter in [
        timeline::Filter::default(),
        timeline::Filter { after: day("2025-06-01"), ..Default::default() },
        timeline::Filter { before: day("2025-05-31"), ..Default::default() },
        timeline::Filter { after: day("2025-05-10"), before: day("2025-06-09"), tags: vec!["geneva".into(), "CHIPS".into()] },
    ] {
        let mut expected: Vec<timeline::Dated> = all.iter().filter(|d| filter.keeps(d)).cloned().collect();
        timeline::sort(&mut expected);
        let picked = store.pick_events(&filter, &refused).unwrap();
        let rows: Vec<timeline::Dated> = store.rows_by_id(&picked.ids(0, picked.total)).unwrap().into_iter().map(|(_, d)| d).collect();
        assert_eq!(rows, expected, "{filter:?}");
        months_are_counted(&picked, &rows);
    }
    // Every month between the first and the last is there, empty ones too.
    let picked = store.pick_events(&timeline::Filter::default(), &refused).unwrap();
    let first = picked.months.first().unwrap().0;
    let last = picked.months.last().unwrap().0;
    assert_eq!(picked.months.len(), usize::from(last.0 - first.0) * 12 + usize::from(last.1) - usize::from(first.1) + 1);
}

/// The months of a timeline count its rows, each row's month where it falls.
fn months_are_counted(picked: &Picked, rows: &[timeline::Dated]) {
    assert_eq!(picked.months.iter().map(|(_, n)| n).sum::<usize>(), rows.len());
    for row in rows {
        let (year, month) = (row.when.year, row.when.month.unwrap_or(1));
        let at = picked.month_index(year, month).expect("a row's month is on the strip");
        let in_month = rows.iter().filter(|r| (r.when.year, r.when.month.unwrap_or(1)) == (year, month)).count();
        assert_eq!(picked.months[at], ((year, month), in_month));
    }
}

/// Every page of a view picked whole, read in turn (the last ones from the end).
fn every_page(store: &Store, picked: &Picked) -> Vec<i64> {
    let order = picked.order.expect("a view opened whole is read by pages");
    (0..picked.total.div_ceil(PAGE)).flat_map(|n| store.page(order, n, picked.total).unwrap()).collect()
}

/// The views opened whole, read by pages with the counts the store keeps, against the same
/// views derived from the files.
fn paged_views_match_the_files(store: &Store, lib: &std::path::Path) {
    let loaded = Library::load(&[lib.to_path_buf()]);
    let briefings = loaded.library.briefings();
    let today = Date::parse("2025-09-01").unwrap();
    let all: Vec<tracker::Tracked> = briefings.iter().flat_map(|b| tracker::of(b, &across::file_below(lib, &b.path))).collect();
    assert!(all.len() > 2 * PAGE, "{} commitments: more than two pages, so one is read from the end", all.len());
    for sort in [tracker::Sort::Due, tracker::Sort::Status, tracker::Sort::Briefing] {
        let picked = store.pick_commitments(&tracker::Filter::default(), today, sort, &[]).unwrap();
        let rows: Vec<tracker::Tracked> = store.rows_by_id(&every_page(store, &picked)).unwrap().into_iter().map(|(_, t)| t).collect();
        let mut expected = all.clone();
        tracker::sort(&mut expected, sort);
        assert_eq!(picked.total, expected.len(), "{sort:?}");
        assert_eq!(places(&rows), places(&expected), "{sort:?}");
        assert_eq!(picked.statuses, tracker::by_status(&expected), "{sort:?}");
    }
    let picked = store.pick_events(&timeline::Filter::default(), &[]).unwrap();
    let rows: Vec<timeline::Dated> = store.rows_by_id(&every_page(store, &picked)).unwrap().into_iter().map(|(_, d)| d).collect();
    let mut expected: Vec<timeline::Dated> = briefings.iter().flat_map(|b| timeline::of(b, &across::file_below(lib, &b.path))).collect();
    timeline::sort(&mut expected);
    assert_eq!(rows, expected);
    months_are_counted(&picked, &rows);
    // Reactions, newest briefing first, and the largest move of each unit.
    let picked = store.pick_reactions(&[]).unwrap();
    let rows: Vec<across::figure::Reacted> = store.rows_by_id(&every_page(store, &picked)).unwrap().into_iter().map(|(_, r)| r).collect();
    let mut expected: Vec<across::figure::Reacted> =
        briefings.iter().flat_map(|b| across::rows_of(b, &across::file_below(lib, &b.path)).reactions).collect();
    assert_eq!(rows.len(), expected.len());
    let mut largest: Vec<(String, i64)> = Vec::new();
    for r in &expected {
        if let Some(m) = r.milli {
            match largest.iter_mut().find(|(u, _)| *u == r.unit) {
                Some((_, max)) => *max = (*max).max(m.abs()),
                None => largest.push((r.unit.clone(), m.abs())),
            }
        }
    }
    largest.sort();
    assert_eq!(picked.largest, largest);
    expected.sort_by(|a, b| b.at.date.cmp(&a.at.date).then(a.at.briefing.cmp(&b.at.briefing)).then(a.at.index.cmp(&b.at.index)));
    assert_eq!(places(&rows), places(&expected));
}

#[test]
fn views_opened_whole_are_read_by_pages_with_counts_kept_as_files_change() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for n in 0..200 {
        std::fs::write(lib.join(format!("n-{n:04}.toml")), common::numbered(n)).unwrap();
    }
    let mut store = Store::open_in(&dir.path().join("cache"), &lib).unwrap();
    let fresh = store.refresh(&lib).unwrap();
    assert!(store.listing(&lib, &fresh).unwrap().refused(&lib).is_empty());
    paged_views_match_the_files(&store, &lib);
    // Files changed, gone, broken and new: the counts kept follow them.
    std::fs::write(lib.join("n-0003.toml"), common::numbered(3).replace(Status::WORDS[3], Status::WORDS[0])).unwrap();
    std::fs::remove_file(lib.join("n-0007.toml")).unwrap();
    std::fs::write(lib.join("n-0011.toml"), "id = ").unwrap();
    std::fs::write(lib.join("n-0500.toml"), common::numbered(500)).unwrap();
    store.refresh(&lib).unwrap();
    paged_views_match_the_files(&store, &lib);
}
