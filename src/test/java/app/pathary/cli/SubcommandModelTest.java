package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A command line names one subcommand: only that one is modelled; anything else gets them all, for help and errors. */
class SubcommandModelTest {
    private static final Map<String, String> ENV = Map.of();

    private static List<String> names() {
        return PatharyCommand.SUBCOMMANDS.stream().map(type -> type.getAnnotation(Command.class).name()).toList();
    }

    @Test
    void a_named_subcommand_is_the_only_one_built() {
        for (String name : names()) {
            assertThat(PatharyCommand.commandLine(ENV, name, "--help").getSubcommands().keySet()).containsExactly(name);
        }
    }

    @Test
    void help_a_typo_and_no_argument_get_every_subcommand_in_order() {
        assertThat(names()).hasSize(20).doesNotHaveDuplicates();
        assertThat(PatharyCommand.commandLine(ENV, "--help").getSubcommands().keySet()).containsExactlyElementsOf(names());
        assertThat(PatharyCommand.commandLine(ENV, "cleanup:plam").getSubcommands().keySet()).containsExactlyElementsOf(names());
        assertThat(PatharyCommand.commandLine(ENV).getSubcommands().keySet()).containsExactlyElementsOf(names());
    }

    @Test
    void help_lists_every_command_and_a_typo_is_told_with_the_usage() {
        CliRunner.Run help = CliRunner.run(ENV, "", "--help");
        assertThat(help.exitCode()).isZero();
        for (String name : names()) {
            assertThat(help.out()).contains("  " + name + " ");
        }
        CliRunner.Run typo = CliRunner.run(ENV, "", "cleanup:plam");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'cleanup:plam'").contains("Did you mean cleanup:plan");
    }
}
