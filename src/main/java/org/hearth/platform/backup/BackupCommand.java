package org.hearth.platform.backup;

import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar hearth.jar backup DIR [settings]} and {@code restore DIR [settings]}: run
 * beside the serving Hearth with the same settings (arguments, {@code application.properties},
 * environment), read the way Hearth reads them, but without starting Hearth itself: no web
 * server, no migrations, no mail.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    /** Runs the command if the arguments name one; returns the exit status, or -1 to start Hearth. */
    public static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            return -1;
        }
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println("Usage: " + args[0] + " DIRECTORY [--hearth.data-dir=... --hearth.database.url=...]");
            return 2;
        }
        Path directory = Path.of(args[1]);
        SpringApplication settingsOnly = new SpringApplication(BackupCommand.class);
        settingsOnly.setWebApplicationType(WebApplicationType.NONE);
        settingsOnly.setBannerMode(Banner.Mode.OFF);
        settingsOnly.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = settingsOnly.run(Arrays.copyOfRange(args, 2, args.length))) {
            SiteBackup.Site site = SiteBackup.Site.of(context.getEnvironment());
            if (args[0].equals("backup")) {
                SiteBackup.backup(site, directory);
                System.out.println("Backed up the database and the secrets key to " + directory.toAbsolutePath());
            } else {
                SiteBackup.restore(site, directory);
                System.out.println("Restored " + directory.toAbsolutePath() + "; start Hearth with the same settings.");
            }
            return 0;
        } catch (SiteBackup.Refused refused) {
            System.err.println(args[0] + " failed: " + refused.getMessage());
            return 1;
        }
    }
}
