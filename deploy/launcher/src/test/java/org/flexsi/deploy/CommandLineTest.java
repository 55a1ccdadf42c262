package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    @Test
    void tokenWithAllOptions() {
        CommandLine line = parse("--root", "/repo", "token", "--role", "bank", "--sub=bank-7", "--ttl-minutes", "5");

        assertEquals("token", line.command());
        assertEquals(Path.of("/repo"), line.root());
        assertEquals(Path.of("/repo/deploy/.run"), line.stateDir());
        assertEquals("bank", line.options().get("--role"));
        assertEquals("bank-7", line.options().get("--sub"));
        assertEquals(5, line.ttlMinutes());
    }

    @Test
    void tokenLifetimeDefaultsToAnHour() {
        assertEquals(60, parse("token", "--role", "ops", "--sub", "alice").ttlMinutes());
    }

    @Test
    void upWithASubsetOfServices() {
        CommandLine line = parse("--state-dir", "/tmp/s", "up", "--services", "payment, registration",
                "--no-simulators");

        assertEquals(Set.of("payment", "registration"), line.services());
        assertTrue(line.flags().contains("--no-simulators"));
        assertEquals(Path.of("/tmp/s"), line.stateDir());
    }

    @Test
    void upWithTheTieredJit() {
        assertTrue(parse("up", "--tiered-jit").flags().contains("--tiered-jit"));
        assertTrue(parse("up").flags().isEmpty());
    }

    @Test
    void upStartsAllServicesByDefaultAndNoneWithAnEmptyList() {
        assertEquals(Set.copyOf(StackOptions.SERVICES), parse("up").services());
        assertEquals(Set.of(), parse("up", "--services=").services());
    }

    @Test
    void upAsAClusterOfThreeBrokersAndTwoInstances() {
        CommandLine line = parse("up", "--brokers", "3", "--instances=2");

        assertEquals(3, line.brokers());
        assertEquals(2, line.instances());
        assertEquals(1, parse("up").brokers());
        assertEquals(1, parse("up").instances());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                      | no command given",
            "start                                                   | unknown command start",
            "--verbose up                                            | unknown option --verbose",
            "up --fresh                                              | unknown argument --fresh for up",
            "up --services registration,billing                      | unknown service billing",
            "up --services                                           | --services needs a value",
            "token --sub alice                                       | token needs --role",
            "token --role ops                                        | token needs --sub",
            "token --role admin --sub alice                          | unknown role admin",
            "token --role ops --sub alice --ttl-minutes 0            | --ttl-minutes must be a positive whole number",
            "token --role ops --sub alice --ttl-minutes ten          | --ttl-minutes must be a positive whole number",
            "token --role ops --role bank --sub alice                | --role given twice",
            "token --role --sub alice                                | --role needs a value",
            "status --role ops                                       | unknown argument --role for status",
            "up --brokers 2                                          | --brokers must be 1 or 3",
            "up --brokers three                                      | --brokers must be a whole number",
            "up --instances 0                                        | --instances must be between 1 and 9",
            "status --instances 2                                    | unknown argument --instances for status",
    })
    void wrongCommandLinesSayWhatIsWrong(String args, String message) {
        List<String> list = args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));

        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(list));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static CommandLine parse(String... args) {
        return CommandLine.parse(List.of(args));
    }
}
