package org.hearth.platform;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background work (mail delivery, clean-ups) that fails is logged like a failed request: during
 * a database outage each run failed with a stack trace of its own.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledFailures {

    @Bean
    SimpleAsyncTaskSchedulerCustomizer countFailuresOfScheduledWork(RepeatedFailures failures) {
        return scheduler -> scheduler.setErrorHandler(failures::record);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer countFailuresOfPooledScheduledWork(RepeatedFailures failures) {
        return scheduler -> scheduler.setErrorHandler(failures::record);
    }
}
