//! The reader's views across the library read through the store (`store::board`): the rows a
//! filter keeps, in each order, are those `brief commitments` and `brief timeline` derive from
//! the files, and the chart's counts are theirs.

mod common;

use brief::Library;
use brief::across::{self, Placed, timeline, tracker};
use brief::date::Date;
use brief::model::Status;
use brief::store::Store;

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
            let rows: Vec<tracker::Tracked> = store.rows_by_id(&picked.ids).unwrap().into_iter().map(|(_, t)| t).collect();
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
        let rows: Vec<timeline::Dated> = store.rows_by_id(&picked.ids).unwrap().into_iter().map(|(_, d)| d).collect();
        assert_eq!(rows, expected, "{filter:?}");
        assert_eq!(picked.month_of.len(), rows.len());
        assert_eq!(picked.months.iter().map(|(_, n)| n).sum::<usize>(), rows.len());
        for (row, month) in rows.iter().zip(&picked.month_of) {
            let ((year, m), _) = picked.months[*month as usize];
            assert_eq!((year, m), (row.when.year, row.when.month.unwrap_or(1)), "{filter:?}");
        }
    }
    // Every month between the first and the last is there, empty ones too.
    let picked = store.pick_events(&timeline::Filter::default(), &refused).unwrap();
    let first = picked.months.first().unwrap().0;
    let last = picked.months.last().unwrap().0;
    assert_eq!(picked.months.len(), usize::from(last.0 - first.0) * 12 + usize::from(last.1) - usize::from(first.1) + 1);
}
