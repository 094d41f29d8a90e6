import ArgumentParser
@main struct Quiz: ParsableCommand { func run() {} }
