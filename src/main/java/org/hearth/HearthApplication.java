package org.hearth;

import org.hearth.platform.backup.BackupCommand;
import org.hearth.search.SearchRebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HearthApplication {

    public static void main(String[] args) {
        int command = BackupCommand.run(args); // backup and restore start no web server
        if (command < 0) {
            command = SearchRebuildCommand.run(args, HearthApplication.class); // indexes the posts, starts no web server
        }
        if (command >= 0) {
            System.exit(command);
        }
        SpringApplication.run(HearthApplication.class, args);
    }
}
