//! The list's rows by briefing id, without a copy of any id: the table holds row numbers and
//! compares against the rows themselves (a hundred thousand copied ids held 10 MB).

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use crate::store::list::Row;

#[derive(Default)]
pub struct Ids {
    table: HashTable<u32>,
    hasher: RandomState,
}

impl Ids {
    /// The rows' ids; of two rows with one id, either may be found.
    pub fn of(rows: &[Row]) -> Ids {
        let hasher = RandomState::new();
        let mut table = HashTable::with_capacity(rows.len());
        let hash = |row: &Row| hasher.hash_one(row.id.as_str());
        for (i, row) in rows.iter().enumerate() {
            table.insert_unique(hash(row), i as u32, |&j| hash(&rows[j as usize]));
        }
        Ids { table, hasher }
    }

    /// The position in `rows` (the rows the table was made of) of the row with this id.
    pub fn get(&self, rows: &[Row], id: &str) -> Option<usize> {
        let found = self.table.find(self.hasher.hash_one(id), |&j| rows.get(j as usize).is_some_and(|r| r.id == id));
        found.map(|&j| j as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_found_by_its_id_and_nothing_else_is() {
        let row = |id: &str| Row { id: id.to_string(), ..Row::default() };
        let rows: Vec<Row> = (0..1000).map(|n| row(&format!("b{n}"))).collect();
        let ids = Ids::of(&rows);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(ids.get(&rows, &r.id), Some(i));
        }
        assert_eq!(ids.get(&rows, "b1000"), None);
        assert_eq!(Ids::default().get(&rows, "b1"), None);
    }
}
