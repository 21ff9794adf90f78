package org.kotaku.portal.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * A client has {@code portal.http.header-timeout} from the first byte of a request to its
 * last header line; past it the answer is a 408 {@code request-timeout} problem and the
 * connection is closed. Without it a slowloris client, trickling one header byte every
 * few seconds, held its connection for ever: Reactor Netty's idle timeout
 * ({@code server.netty.idle-timeout}) restarts with every byte, and its read and request
 * timeouts start only once the headers are in. Two handlers per connection share the
 * deadline: one in front of the HTTP codec sees the first raw byte of a request and
 * starts it, one behind the codec sees the decoded request head and stops it (and, at the
 * request's last content, gets ready for the next request of a keep-alive connection). A
 * connection that is idle between requests is the idle timeout's business, not this
 * one's.
 */
@Configuration(proxyBeanMethods = false)
class HeaderDeadline {

	@Bean
	NettyServerCustomizer headerDeadlineCustomizer(HttpProperties properties, JsonMapper json) {
		long nanos = properties.headerTimeout().toNanos();
		return (server) -> server.doOnChannelInit((observer, channel, remote) -> {
			if (nanos > 0 && channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				Deadline deadline = new Deadline(nanos, properties.headerTimeout(), json);
				channel.pipeline().addBefore(NettyPipeline.HttpCodec, "portal.headerDeadline.bytes", deadline.bytes());
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "portal.headerDeadline.head", deadline.head());
			}
		});
	}

	/** One connection's deadline; every method runs on the connection's event loop. */
	static final class Deadline {

		private final long nanos;

		private final Duration timeout;

		private final JsonMapper json;

		private ChannelHandlerContext afterCodec;

		private ScheduledFuture<?> timer;

		/**
		 * Between a request's head and its last content: bytes read now are its body, not
		 * a new request.
		 */
		private boolean inRequest;

		Deadline(long nanos, Duration timeout, JsonMapper json) {
			this.nanos = nanos;
			this.timeout = timeout;
			this.json = json;
		}

		ChannelInboundHandlerAdapter bytes() {
			return new ChannelInboundHandlerAdapter() {

				@Override
				public void channelRead(ChannelHandlerContext context, Object message) {
					if (!Deadline.this.inRequest && Deadline.this.timer == null && message instanceof ByteBuf bytes
							&& bytes.isReadable()) {
						Deadline.this.timer = context.executor()
							.schedule(Deadline.this::expire, Deadline.this.nanos, TimeUnit.NANOSECONDS);
					}
					context.fireChannelRead(message);
				}

				@Override
				public void channelInactive(ChannelHandlerContext context) {
					stop();
					context.fireChannelInactive();
				}

			};
		}

		ChannelDuplexHandler head() {
			return new ChannelDuplexHandler() {

				@Override
				public void handlerAdded(ChannelHandlerContext context) {
					Deadline.this.afterCodec = context;
				}

				@Override
				public void channelRead(ChannelHandlerContext context, Object message) {
					if (message instanceof HttpRequest) {
						stop();
						Deadline.this.inRequest = true;
					}
					if (message instanceof LastHttpContent) {
						Deadline.this.inRequest = false;
					}
					context.fireChannelRead(message);
				}

			};
		}

		private void stop() {
			if (this.timer != null) {
				this.timer.cancel(false);
				this.timer = null;
			}
		}

		private void expire() {
			this.timer = null;
			if (this.afterCodec == null || !this.afterCodec.channel().isActive()) {
				return;
			}
			Problems.Problem problem = new Problems.Problem(ProblemType.REQUEST_TIMEOUT, 408,
					"The request's headers " + "did not arrive within " + this.timeout.toSeconds()
							+ " s of its first byte "
							+ "(portal.http.header-timeout); send the whole request head at once.",
					Map.of());
			RequestTargetGuard.answerAndClose(this.afterCodec, this.json, problem, null, RequestIds.generate());
		}

	}

}
