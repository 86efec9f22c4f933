fn main() -> std::process::ExitCode {
    brief::cli::main()
}

// Parsing thousands of files on every core is mostly small allocations; glibc's allocator
// spends a fifth of the time on them and on its locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
