print("importlint")
