//! The macro that turns the catalogue into a typed enum.

/// Declares `Teks` with one variant per entry and its two texts.
macro_rules! katalog {
    ($($kunci:ident => $id:literal, $en:literal;)*) => {
        /// A key of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Teks {
            $(
                #[doc = $id]
                $kunci,
            )*
        }

        impl From<&Teks> for Teks {
            fn from(k: &Teks) -> Teks {
                *k
            }
        }

        // Templates hand over `Option` contents by reference, sometimes twice.
        impl From<&&Teks> for Teks {
            fn from(k: &&Teks) -> Teks {
                **k
            }
        }

        impl Teks {
            /// Every key (for checks over the whole catalogue).
            pub const SEMUA: &'static [Teks] = &[$(Teks::$kunci,)*];

            /// The text in one language.
            pub fn dalam(self, bahasa: $crate::Bahasa) -> &'static str {
                match (self, bahasa) {
                    $(
                        (Teks::$kunci, $crate::Bahasa::Indonesia) => $id,
                        (Teks::$kunci, $crate::Bahasa::Inggris) => $en,
                    )*
                }
            }
        }
    };
}
