package org.hearth.search;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar hearth.jar search-rebuild [settings]}: builds the search index again from the
 * posts, beside the serving Hearth with the same settings. It starts Hearth without opening a
 * port and without its schedules (no mail is sent from it), indexes, and exits: status 0 with a
 * line saying how many posts were read, 1 with a line saying what went wrong.
 */
public final class SearchRebuildCommand {

    private SearchRebuildCommand() {
    }

    /** Runs the command if the arguments name it; returns the exit status, or -1 to start Hearth. */
    public static int run(String[] args, Class<?> application) {
        if (args.length == 0 || !args[0].equals("search-rebuild")) {
            return -1;
        }
        SpringApplication command = new SpringApplication(application);
        command.setBannerMode(Banner.Mode.OFF);
        command.setLogStartupInfo(false);
        // Hearth's beans as they are when it serves (sessions included), but no port is opened
        // first among the settings, so the site's own server.port (8080 unless set) cannot open one
        command.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("search-rebuild",
                Map.of("server.port", "-1", "hearth.scheduling.enabled", "false", "hearth.search.rebuild-at-start", "false"))));
        try (ConfigurableApplicationContext context = command.run(Arrays.copyOfRange(args, 1, args.length))) {
            context.getBean(RebuildSearchIndex.class).rebuild(System.out::println);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("search-rebuild failed: " + e.getMessage());
            return 1;
        }
    }
}
