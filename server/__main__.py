from server.cli.main import main

main(prog_name="policykg")
