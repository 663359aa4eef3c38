package dev.usagemonitor.cycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the real {@link MonitoringCycle} bean so tests can count its runs and hold a run
 * inside {@code run()} until they release it, which makes overlapping requests and
 * shutdown during a cycle reproducible.
 */
final class CycleGate {

	private final AtomicInteger runs = new AtomicInteger();

	private final Semaphore entered = new Semaphore(0);

	private volatile CountDownLatch release = new CountDownLatch(0);

	/**
	 * Returns how many cycles ran (or are running).
	 */
	int runs() {
		return this.runs.get();
	}

	/**
	 * Makes every following run wait inside {@code run()} until {@link #open()}.
	 */
	void close() {
		this.release = new CountDownLatch(1);
	}

	/**
	 * Lets waiting and future runs proceed.
	 */
	void open() {
		this.release.countDown();
	}

	/**
	 * Waits until a run has entered {@code run()}.
	 */
	void awaitEntered(Duration timeout) throws InterruptedException {
		if (!this.entered.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("No monitoring cycle started within " + timeout);
		}
	}

	/**
	 * Resets the counters and opens the gate.
	 */
	void reset() {
		open();
		this.runs.set(0);
		this.entered.drainPermits();
	}

	private MethodInterceptor interceptor() {
		return (invocation) -> {
			if (!invocation.getMethod().getName().equals("run")) {
				return invocation.proceed();
			}
			this.runs.incrementAndGet();
			this.entered.release();
			if (!this.release.await(30, TimeUnit.SECONDS)) {
				throw new AssertionError("The test never released the held cycle");
			}
			return invocation.proceed();
		};
	}

	/**
	 * Registers the gate and wraps the {@link MonitoringCycle} bean with it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		static CycleGate cycleGate() {
			return new CycleGate();
		}

		@Bean
		static BeanPostProcessor monitoringCycleGate(org.springframework.beans.factory.ObjectProvider<CycleGate> gate) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof MonitoringCycle)) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice(gate.getObject().interceptor());
					return proxy.getProxy();
				}
			};
		}

	}

}
